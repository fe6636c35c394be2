import { EventStore } from '@crm/event-store';
import { EVENT_STORE } from '@crm/platform';
import type { HealthReport } from '../src/health/health.controller';
import { useEmbeddedApp } from './support/embedded-app';

describe('GET /health (embedded mode, over HTTP)', () => {
  const running = useEmbeddedApp();

  it('reports the SQLite event store and its head position, which moves with appends', async () => {
    const { app, baseUrl } = running();
    const before = (await (await fetch(`${baseUrl}/health`)).json()) as HealthReport;
    expect(before).toMatchObject({ status: 'ok', eventStore: { adapter: 'sqlite', headPosition: 0 } });

    const store = app.get<EventStore>(EVENT_STORE);
    await store.append(
      'customer-c1',
      [
        {
          id: '2f1c1a8e-5d0b-5a51-9a55-1f1e0d7c3b11',
          type: 'CustomerRegistered',
          schemaVersion: 1,
          occurredAt: '2026-01-01T00:00:00.000Z',
          data: { customerId: 'c1' },
          metadata: {
            actor: { id: 'svc-test', kind: 'service', roles: ['service'] },
            commandId: 'cmd-1',
            correlationId: 'corr-1',
            causationId: 'cmd-1',
            source: 'test',
          },
        },
      ],
      'no_stream',
    );

    const after = (await (await fetch(`${baseUrl}/health`)).json()) as HealthReport;
    expect(after.eventStore.headPosition).toBe(1);
  });
});
