/**
 * Lusha's V3 API (and the webhook API documented with it): each family of endpoints is one
 * module of this folder, with its routes listed here.
 */
import type { Route } from '../routes';
import { WEBHOOK_ROUTES } from './webhooks';

export const V3_ROUTES: Route[] = [...WEBHOOK_ROUTES];
