import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { CustomerKeys } from '@crm/messaging';
import { demoHistory, executeAll } from '../../../projection-runtime/test/support/demo-history';
import { PER_CUSTOMER_PROJECTIONS, projectionDelivery } from './projection-delivery';
import { discoverProjections } from './projection-registry';

describe('which topic each projection reads in distributed mode', () => {
  let dir: string;
  let events: EventEnvelope[];
  let keys: Map<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-delivery-'));
    const store = SqliteEventStore.open({ path: join(dir, 'events.db') });
    await executeAll(store, demoHistory(25));
    events = await store.readAll({ after: 0, limit: 1_000_000 });
    const customerKeys = new CustomerKeys(store);
    keys = new Map();
    for (const event of events) keys.set(event.id, await customerKeys.keyOf(event));
    await store.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const perCustomer = discoverProjections().filter((definition) =>
    PER_CUSTOMER_PROJECTIONS.has(definition.name),
  );

  it('lists only projections that exist, and leaves the audit trail and new projections in global order', () => {
    const names = discoverProjections().map((definition) => definition.name);
    expect([...PER_CUSTOMER_PROJECTIONS].filter((name) => !names.includes(name))).toEqual([]);
    const auditTrail = discoverProjections().find((definition) => definition.name === 'audit-trail');
    expect(auditTrail && projectionDelivery(auditTrail)).toBe('global-order');
    expect(projectionDelivery({ ...perCustomer[0], name: 'brand-new' })).toBe('global-order');
  });

  it.each(perCustomer.map((definition) => [definition.name, definition] as const))(
    '%s: every document takes the events of one customer only, so the partitioned topic keeps its order',
    (_name, definition) => {
      const customersOf = new Map<string, Set<string>>();
      const handled = new Set(definition.handles);
      for (const event of events.filter((candidate) => handled.has(candidate.type))) {
        const documentId = definition.documentId(event);
        if (documentId === null) continue;
        const customers = customersOf.get(documentId) ?? new Set<string>();
        customersOf.set(documentId, customers.add(keys.get(event.id) ?? ''));
      }
      expect(customersOf.size).toBeGreaterThan(0);
      const shared = [...customersOf].filter(([, customers]) => customers.size > 1).map(([id]) => id);
      expect(shared).toEqual([]);
    },
  );
});
