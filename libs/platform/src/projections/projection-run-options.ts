import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import type { DocumentChain } from '@crm/projection-runtime';
import { type AuditEntry, auditTrail } from '@crm/projections/audit-trail';

/** How a projection is run, the same for the embedded host and for a CLI replay or rebuild. */
export interface ProjectionRunOptions {
  readonly poison?: 'dead-letter' | 'halt';
  readonly chain?: DocumentChain<ProjectionDocument>;
}

const AUDIT_TRAIL_CHAIN: DocumentChain<AuditEntry> = {
  link: (previous, next) => auditTrail.link(next, previous?.hash ?? auditTrail.genesisHash),
};

/** The audit trail halts rather than leave a gap in its hash chain; the others set poison events aside. */
export function projectionRunOptions(definition: ProjectionDefinition): ProjectionRunOptions {
  if (definition.name !== auditTrail.name) return {};
  return { poison: 'halt', chain: AUDIT_TRAIL_CHAIN as unknown as DocumentChain<ProjectionDocument> };
}
