import { ProjectionHost } from '@crm/projection-runtime';
import type { EventSource } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';
import { builtInProjections } from '@crm/projections/built-in';

/** The built-in projections on one source; the audit trail halts rather than leave a gap in its hash chain. */
export function builtInProjectionHost(source: EventSource, readStore: ReadStore): ProjectionHost {
  const { customer360, loyaltyTier, auditTrail, opportunities } = builtInProjections;
  const host = new ProjectionHost({ source, readStore });
  host.add(customer360);
  host.add(loyaltyTier);
  host.add(opportunities);
  host.add(auditTrail, {
    poison: 'halt',
    chain: { link: (previous, next) => auditTrail.link(next, previous?.hash ?? auditTrail.genesisHash) },
  });
  return host;
}
