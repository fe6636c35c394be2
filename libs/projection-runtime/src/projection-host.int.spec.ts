import type { ProjectionDefinition } from '@crm/domain';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { useSqliteWorkspace } from '../test/support/sqlite-workspace';
import { customerActivity } from '../test/support/customer-activity.projection';
import { activityEvent, seedActivity } from '../test/support/events';
import { waitFor } from '../test/support/wait-for';
import { ProjectionHost } from './projection-host';

const eventCount: ProjectionDefinition<{ readonly [key: string]: unknown; readonly count: number }> = {
  name: 'event-count',
  version: 3,
  handles: ['CustomerRegistered', 'Purchased', 'CampaignOpened'],
  documentId: () => 'all',
  initial: () => ({ count: 0 }),
  evolve: (doc) => ({ count: doc.count + 1 }),
};

describe('ProjectionHost over SQLite', () => {
  const workspace = useSqliteWorkspace('crm-projection-host');
  let reads: SqliteReadStore;

  beforeEach(() => {
    reads = workspace.readStore('reads');
  });

  it('runs each projection from the one log, with its own checkpoint and status', async () => {
    await seedActivity(workspace.events, 30, 3);
    const host = new ProjectionHost({ source: workspace.events, readStore: reads, batchSize: 4 });
    host.add(customerActivity);
    host.add(eventCount, { batchSize: 100 });

    await host.catchUp();
    host.start();
    await workspace.events.append('customer-c9', [activityEvent('late', 'CustomerRegistered')], 'any');
    await waitFor(async () => (await host.statuses()).every((status) => status.position === 31));
    await host.stop();

    expect((await reads.get('event_count_v3', 'all'))?.body).toEqual({ count: 31 });
    expect((await reads.get('customer_activity_v1', 'c9'))?.body).toMatchObject({ events: 1 });
    expect(
      (await host.statuses()).map(({ collection, lagEvents, state }) => ({ collection, lagEvents, state })),
    ).toEqual([
      { collection: 'customer_activity_v1', lagEvents: 0, state: 'idle' },
      { collection: 'event_count_v3', lagEvents: 0, state: 'idle' },
    ]);
  });

  it('refuses the same projection version twice', () => {
    const host = new ProjectionHost({ source: workspace.events, readStore: reads });
    host.add(customerActivity);

    expect(() => host.add(customerActivity)).toThrow(/already hosted/);
  });
});
