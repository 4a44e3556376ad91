/**
 * The Lusha app for Zapier: authentication, the middleware that sends the key, throttling,
 * and the registry of operations. Nothing else lives here: each operation is one file under
 * src/triggers, src/searches or src/creates.
 */
import { version as platformVersion } from 'zapier-platform-core';
import { addLushaAuth, authentication } from './src/auth';
import { CONNECTOR_VERSION } from './src/version';
import enrichCompanies from './src/creates/enrich_companies';
import enrichPeople from './src/creates/enrich_people';
import enrichProspectedCompanies from './src/creates/enrich_prospected_companies';
import enrichProspectedContacts from './src/creates/enrich_prospected_contacts';
import findBuyingGroup from './src/creates/find_buying_group';
import findLookalikeCompanies from './src/creates/find_lookalike_companies';
import findLookalikeContacts from './src/creates/find_lookalike_contacts';
import findWebsiteVisitors from './src/creates/find_website_visitors';
import getCompanySignals from './src/creates/get_company_signals';
import getContactSignals from './src/creates/get_contact_signals';
import prospectCompanies from './src/creates/prospect_companies';
import prospectContacts from './src/creates/prospect_contacts';
import scoreCompaniesBySignals from './src/creates/score_companies_by_signals';
import scoreContactsBySignals from './src/creates/score_contacts_by_signals';
import findCompany from './src/searches/find_company';
import findPerson from './src/searches/find_person';
import companyHiringDepartments from './src/triggers/company_hiring_departments';
import companyNewsEventTypes from './src/triggers/company_news_event_types';
import companySignalTypes from './src/triggers/company_signal_types';
import contactSignalTypes from './src/triggers/contact_signal_types';
import newCompanySignal from './src/triggers/new_company_signal';
import newCompanySignalInstant from './src/triggers/new_company_signal_instant';
import newContactSignal from './src/triggers/new_contact_signal';
import newContactSignalInstant from './src/triggers/new_contact_signal_instant';
import newWebsiteVisitor from './src/triggers/new_website_visitor';

/** Operations by kind; each module exports one `{ key, noun, display, operation }` object. */
const triggers = [
  newContactSignal,
  newContactSignalInstant,
  newCompanySignal,
  newCompanySignalInstant,
  newWebsiteVisitor,
  contactSignalTypes,
  companySignalTypes,
  companyNewsEventTypes,
  companyHiringDepartments,
] as const;
const searches = [findPerson, findCompany] as const;
const creates = [
  enrichPeople,
  enrichCompanies,
  prospectContacts,
  prospectCompanies,
  enrichProspectedContacts,
  enrichProspectedCompanies,
  findLookalikeContacts,
  findLookalikeCompanies,
  findBuyingGroup,
  getContactSignals,
  getCompanySignals,
  scoreContactsBySignals,
  scoreCompaniesBySignals,
  findWebsiteVisitors,
] as const;

const byKey = <T extends { key: string }>(operations: readonly T[]): Record<string, T> =>
  Object.fromEntries(operations.map((operation) => [operation.key, operation]));

const App = {
  version: CONNECTOR_VERSION,
  platformVersion,

  authentication,
  beforeRequest: [addLushaAuth],

  /**
   * Lusha allows 25 requests per second per endpoint. Most steps make one request; a
   * connection's steps together are held to 20 per second (operations that page or chunk
   * declare a tighter limit of their own).
   */
  throttle: { window: 1, limit: 20, scope: ['auth' as const] },

  triggers: byKey(triggers),
  searches: byKey(searches),
  creates: byKey(creates),
};

export = App;
