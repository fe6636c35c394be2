import type { DocumentChain } from '../../src/document-chain';
import { type AuditEntry, auditTrail } from '@crm/projections/audit-trail';

/** How a host wires the audit trail's hash chain into the runner's generic chain step. */
export const auditTrailChain: DocumentChain<AuditEntry> = {
  link: (previous, next) => auditTrail.link(next, previous?.hash ?? auditTrail.genesisHash),
};
