import { auditTrail } from '@crm/projections/audit-trail';
import type { ReadStore } from '@crm/read-store/read-store';
import type { EventSource } from '../../src/event-source';
import { ProjectionHost } from '../../src/projection-host';
import { auditTrailChain } from './audit-trail-chain';
import { customerActivity } from './customer-activity.projection';

/** The collections the crash test compares with a clean rebuild, byte for byte. */
export const CRASH_COLLECTIONS = [
  'customer_activity_v1',
  'audit_trail_v1',
  'dead_letters',
  'projection_chain_heads',
];

/** A per-customer projection with dead letters, and the hash-chained audit trail over the global log. */
export function crashScenarioHost(
  source: EventSource,
  readStore: ReadStore,
  batchSize: number,
): ProjectionHost {
  const host = new ProjectionHost({ source, readStore, batchSize });
  host.add(customerActivity);
  host.add(auditTrail, { chain: auditTrailChain, poison: 'halt' });
  return host;
}
