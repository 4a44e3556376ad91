/**
 * Lusha's V3 API (and the webhook API documented with it): each family of endpoints is one
 * module of this folder, with its routes listed here.
 */
import type { Route } from '../routes';
import { ENRICHMENT_ROUTES } from './enrichment';
import { PROSPECTING_ROUTES } from './prospecting';
import { V3_SIGNALS_ROUTES } from './signals';
import { WEBHOOK_ROUTES } from './webhooks';

export const V3_ROUTES: Route[] = [
  ...ENRICHMENT_ROUTES,
  ...PROSPECTING_ROUTES,
  ...V3_SIGNALS_ROUTES,
  ...WEBHOOK_ROUTES,
];
