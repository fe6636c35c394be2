import type { Customer360 } from '@crm/projections/customer-360';
import type { CustomerFilter } from './list-customers.query';

/**
 * The in-memory twin of `customerConditions`, for documents fetched by id (a segment's members):
 * the same fields, the same plain toLowerCase prefix rule.
 */
export const matchesCustomerFilter = (
  customer: Customer360,
  { tier, stage, churnRisk, q }: CustomerFilter,
): boolean =>
  (tier === undefined || customer.tier === tier) &&
  (stage === undefined || customer.stage === stage) &&
  (churnRisk === undefined || customer.churnRisk === churnRisk) &&
  (q === undefined || searchKey(customer, q).startsWith(q.toLowerCase()));

const searchKey = ({ profile }: Customer360, q: string): string =>
  (q.includes('@') ? profile.emailLower : profile.nameLower) ?? '';
