import { type AuditEntry, auditTrail } from '@crm/projections/audit-trail';
import type { CustomerRevisions } from './customer-revisions.projection';

/** The audit trail's hash chain, rebuilt from its dump, verifies end to end. */
export function auditChainOf(dump: readonly string[]) {
  return auditTrail.verifyChain(dump.map((line) => JSON.parse(line).body as AuditEntry));
}

/** Customers whose events were not applied as revisions 0, 1, 2, … in order. */
export function customersOutOfOrder(dump: readonly string[]): string[] {
  return dump
    .map((line) => JSON.parse(line).body as CustomerRevisions)
    .filter((doc) => doc.revisions.some((revision, index) => revision !== index))
    .map((doc) => doc.customerId);
}
