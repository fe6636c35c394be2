import type { ProjectionDefinition } from '@crm/domain';
import { ProjectionHost } from '@crm/projection-runtime';
import type { EventSource } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';
import { builtInProjections } from '@crm/projections/built-in';

/**
 * Every built-in projection on one source; the audit trail halts rather than leave a gap in its hash
 * chain, the others set poison events aside.
 */
export function builtInProjectionHost(source: EventSource, readStore: ReadStore): ProjectionHost {
  const { auditTrail, ...others } = builtInProjections;
  const host = new ProjectionHost({ source, readStore });
  for (const definition of Object.values<ProjectionDefinition>(others)) host.add(definition);
  host.add(auditTrail, {
    poison: 'halt',
    chain: { link: (previous, next) => auditTrail.link(next, previous?.hash ?? auditTrail.genesisHash) },
  });
  return host;
}
