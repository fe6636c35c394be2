import {
  CURRENT_SCHEMA_VERSIONS,
  type CustomerCommand,
  type CustomerEvent,
  customerStream,
  decideCustomer,
  type EventMetadata,
  evolveCustomer,
  initialCustomerState,
  type Recorded,
  stampEvents,
} from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, READ_STORE } from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import type { HealthReport } from '../src/health/health.controller';
import { useEmbeddedApp } from './support/embedded-app';

const metadata = (commandId: string): EventMetadata => ({
  actor: { id: 'svc-orders', kind: 'service', roles: ['service'] },
  commandId,
  correlationId: 'corr-e2e',
  causationId: commandId,
  source: 'orders',
});

/** Decides a command on the stream's current state and appends with that revision, as a handler will. */
async function execute(store: EventStore, command: CustomerCommand, commandId: string, now: string) {
  const stream = customerStream(command.customerId);
  const history = await store.readStream(stream);
  const state = history.reduce(
    (current, event) => evolveCustomer(current, event as Recorded<CustomerEvent>),
    initialCustomerState(),
  );
  const events = decideCustomer(command, state, { now });
  const stamped = stampEvents(events, {
    metadata: metadata(commandId),
    occurredAt: now,
    schemaVersions: CURRENT_SCHEMA_VERSIONS,
  });
  await store.append(stream, stamped, history.length === 0 ? 'no_stream' : history.length - 1);
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the projections');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Embedded mode: the in-process bus keeps the read models up to date', () => {
  const running = useEmbeddedApp();

  it('projects appended customer events into the 360, the tier and a verifiable audit trail', async () => {
    const { app, baseUrl } = running();
    const store = app.get<EventStore>(EVENT_STORE);
    const readStore = app.get<ReadStore>(READ_STORE);
    await execute(
      store,
      {
        type: 'RegisterCustomer',
        customerId: 'c-42',
        data: { name: 'Ayşe Yılmaz', email: 'ayse@example.com.tr', registeredVia: 'web' },
      },
      'cmd-register',
      '2026-03-01T09:00:00.000Z',
    );
    await execute(
      store,
      {
        type: 'RecordPurchase',
        customerId: 'c-42',
        data: { purchaseId: 'p-1', amount: { amount: 600_000, currency: 'TRY' } },
      },
      'cmd-purchase',
      '2026-03-02T10:00:00.000Z',
    );
    const head = await store.headPosition();

    const health = await waitFor(async () => {
      const report = (await (await fetch(`${baseUrl}/health`)).json()) as HealthReport;
      return report.projections?.every((p) => p.position === head) ? report : undefined;
    });
    expect(health.projections?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['audit-trail', 'customer-360', 'loyalty-tier', 'opportunities']),
    );

    const view = await readStore.get('customer_360', 'c-42');
    expect(view?.body).toMatchObject({ stage: 'customer', tier: 'silver', netSpend: 600_000 });

    const trail = await readStore.find('audit_trail', { limit: 100 });
    const entries = trail.items.map((item) => item.body);
    expect(entries.map((entry) => entry.type)).toEqual([
      'CustomerRegistered',
      'Purchased',
      'TierChanged',
      'StageAdvanced',
    ]);
    expect(
      entries.every((entry) => entry.actorId === 'svc-orders' && entry.correlationId === 'corr-e2e'),
    ).toBe(true);
    expect(entries[1].previousHash).toBe(entries[0].hash);
  });
});
