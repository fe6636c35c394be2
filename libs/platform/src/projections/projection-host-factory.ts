import type { ProjectionDefinition } from '@crm/domain';
import { ProjectionHost, type HostedProjectionOptions } from '@crm/projection-runtime';
import type { EventSource } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';
import { auditTrail, type AuditEntry } from '@crm/projections/audit-trail';
import { discoverProjections } from './projection-registry';

/** The audit trail halts rather than leave a gap in its hash chain; the others set poison events aside. */
const AUDIT_TRAIL_OPTIONS: HostedProjectionOptions<AuditEntry> = {
  poison: 'halt',
  chain: { link: (previous, next) => auditTrail.link(next, previous?.hash ?? auditTrail.genesisHash) },
};

/** A host running every projection the registry discovers (or the ones given) on one source. */
export function projectionHost(
  source: EventSource,
  readStore: ReadStore,
  definitions: readonly ProjectionDefinition[] = discoverProjections(),
): ProjectionHost {
  const host = new ProjectionHost({ source, readStore });
  for (const definition of definitions) {
    if (definition.name === auditTrail.name)
      host.add(definition as ProjectionDefinition<AuditEntry>, AUDIT_TRAIL_OPTIONS);
    else host.add(definition);
  }
  return host;
}
