import type { EventEnvelope, ProjectionDefinition } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import type { ReadStore } from '@crm/read-store';
import type { CataloguedProjection } from './projection-catalogue';
import { projectionOverview } from './projection-overview';
import type { Stores } from './stores';

/** Positions 173 bytes apart, as EventStoreDB's are (ADR 0003). */
const AT = (n: number) => 173 * n;

function stores(checkpoints: number[]): Stores {
  const log = Array.from({ length: 40 }, (_, i) => ({ position: AT(i + 1) }) as EventEnvelope);
  const events = {
    readAll: async ({ after, limit }: { after: number; limit: number }) =>
      log.filter((event) => event.position > after).slice(0, limit),
    headPosition: async () => AT(40),
  } as unknown as EventStore;
  const reads = {
    ensureCollection: async () => undefined,
    resolveAlias: async () => undefined,
    getCheckpoint: async () => ({ position: checkpoints.shift()!, updatedAt: '2026-03-01T00:00:00.000Z' }),
    count: async () => 0,
  } as unknown as ReadStore;
  return { events, reads };
}

const catalogue: CataloguedProjection[] = [
  { definition: { name: 'customer-360', version: 2 } as ProjectionDefinition, options: {} as never },
];

describe('crm projections', () => {
  it('counts the lag and the events applied during the sample, where positions are byte offsets', async () => {
    const [row] = await projectionOverview(stores([AT(10), AT(30)]), catalogue, 100);

    expect(row).toMatchObject({ position: AT(30), lag: 10, eventsPerSecond: 200 });
  });
});
