import type { EventEnvelope, ProjectionDefinition } from '@crm/domain';
import { auditTrail } from '@crm/projections/audit-trail';
import { complaintsByCategoryMonth } from '@crm/projections/complaints-by-category-month';
import { customer360 } from '@crm/projections/customer-360';
import { customerSpend } from '@crm/projections/customer-spend';
import { kpiCustomers } from '@crm/projections/kpi-customers';
import { kpiFacts } from '@crm/projections/kpi-facts';
import { loyaltyTier } from '@crm/projections/loyalty-tier';
import { opportunities } from '@crm/projections/opportunities';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { auditTrailChain } from '../test/support/audit-trail-chain';
import { demoHistory, executeAll } from '../test/support/demo-history';
import { useSqliteWorkspace } from '../test/support/sqlite-workspace';
import { customerActivity } from '../test/support/customer-activity.projection';
import { activityEvent, seedActivity } from '../test/support/events';
import { waitFor } from '../test/support/wait-for';
import type { EventFeed, EventSource } from './event-source';
import { ProjectionHost } from './projection-host';

/** Freezes an event and everything in it, so that a write to it throws (specs run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}

/** The source with every event frozen, counting the subscriptions opened on it. */
function frozenEvents(source: EventSource): { source: EventSource; subscriptions: () => number } {
  let subscriptions = 0;
  const freezeAll = (events: readonly EventEnvelope[]) => events.map(deepFreeze);
  return {
    subscriptions: () => subscriptions,
    source: {
      readAll: async (options) => freezeAll(await source.readAll(options)),
      headPosition: () => source.headPosition(),
      subscribeToAll: (options): EventFeed => {
        subscriptions++;
        const feed = source.subscribeToAll(options);
        return {
          close: () => feed.close(),
          async *[Symbol.asyncIterator]() {
            for await (const event of feed) yield deepFreeze(event);
          },
        };
      },
    },
  };
}

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

  it('tails the log once for all its projections, which share the events and never change them', async () => {
    const { source, subscriptions } = frozenEvents(workspace.events);
    const host = new ProjectionHost({ source, readStore: reads });
    host.add(customer360);
    host.add(loyaltyTier);
    host.add(customerSpend);
    host.add(kpiCustomers);
    host.add(kpiFacts);
    host.add(complaintsByCategoryMonth);
    host.add(opportunities);
    host.add(auditTrail, { chain: auditTrailChain, poison: 'halt' });
    host.start();

    expect(await executeAll(workspace.events, demoHistory(12))).toBeGreaterThan(0);
    const head = await workspace.events.headPosition();
    await waitFor(async () => (await host.statuses()).every((status) => status.position === head), 20_000);
    await host.stop();

    expect(subscriptions()).toBe(1);
    expect(
      (await host.statuses()).filter((status) => status.deadLetters > 0 || status.lastError !== undefined),
    ).toEqual([]);
  });

  it('refuses the same projection version twice', () => {
    const host = new ProjectionHost({ source: workspace.events, readStore: reads });
    host.add(customerActivity);

    expect(() => host.add(customerActivity)).toThrow(/already hosted/);
  });
});
