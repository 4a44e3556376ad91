/**
 * Input field keys are permanent once the app is published, and ports to Make or Workato copy
 * them: every operation spells them the same way, in snake_case (line items included).
 */
import { App } from '../support/zapier';

interface Field {
  key: string;
  children?: Field[];
}

function inputKeys(fields: readonly unknown[], prefix = ''): string[] {
  return fields.flatMap((field) => {
    if (typeof field === 'function') return [];
    const { key, children } = field as Field;
    return [`${prefix}${key}`, ...inputKeys(children ?? [], `${prefix}${key}[].`)];
  });
}

const operations = (['triggers', 'searches', 'creates'] as const).flatMap((kind) =>
  Object.values(App[kind] as Record<string, { key: string; operation: { inputFields?: unknown[] } }>).map(
    (op) => [`${kind}/${op.key}`, inputKeys(op.operation.inputFields ?? [])] as const,
  ),
);

it.each(operations)('%s has only snake_case input keys', (_operation, keys) => {
  expect(keys.filter((key) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)*(\[\]\.[a-z][a-z0-9]*(_[a-z0-9]+)*)*$/.test(key))).toEqual(
    [],
  );
});

it('names the enrichment identifiers as the prospecting and signal operations do', () => {
  const keysOf = (kind: 'searches' | 'creates', key: string) =>
    inputKeys(
      (App[kind] as Record<string, { operation: { inputFields?: unknown[] } }>)[key]!.operation.inputFields ?? [],
    );
  expect(keysOf('searches', 'find_person')).toEqual([
    'email',
    'linkedin_url',
    'first_name',
    'last_name',
    'company_name',
    'company_domain',
    'person_id',
    'reveal_data',
    'refresh_job_info',
    'partial_profile',
    'signal_types',
    'signals_start_date',
  ]);
  expect(keysOf('searches', 'find_company')).toEqual(['domain', 'name', 'company_id']);
  expect(keysOf('creates', 'enrich_people')).toEqual([
    'about',
    'rows',
    'rows[].reference',
    'rows[].email',
    'rows[].linkedin_url',
    'rows[].first_name',
    'rows[].last_name',
    'rows[].company_name',
    'rows[].company_domain',
    'rows[].person_id',
    'reveal_data',
    'refresh_job_info',
    'partial_profile',
    'max_credits',
  ]);
  expect(keysOf('creates', 'enrich_companies')).toEqual([
    'about',
    'rows',
    'rows[].reference',
    'rows[].domain',
    'rows[].name',
    'rows[].company_id',
    'max_credits',
  ]);
});
