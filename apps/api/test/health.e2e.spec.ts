import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore } from '@crm/event-store';
import { EVENT_STORE } from '@crm/platform';
import { AppModule } from '../src/app.module';
import type { HealthReport } from '../src/health/health.controller';

describe('GET /health (embedded mode, over HTTP)', () => {
  let app: INestApplication;
  let baseUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-api-'));
    process.env.CRM_DATA_DIR = dataDir;
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    delete process.env.CRM_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports the SQLite event store and its head position, which moves with appends', async () => {
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
