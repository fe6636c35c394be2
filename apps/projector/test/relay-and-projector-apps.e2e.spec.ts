import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, poll, startApp } from './support/app-process';
import { ROOT } from './support/pipeline';
import { seedDemoLog } from './support/seed';

const RELAY = join(ROOT, 'apps/relay/src/main.ts');
const PROJECTOR = join(ROOT, 'apps/projector/src/main.ts');

describe('the relay and projector apps as processes (embedded adapters)', () => {
  // Each case starts apps under tsx, which compiles them on start: slow while the rest of the suite runs.
  jest.setTimeout(90_000);
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-apps-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['relay', RELAY, { BUS_PARTITIONS: 'six' }, 'BUS_PARTITIONS'],
    [
      'relay',
      RELAY,
      // KAFKA_BROKERS unset even where the test servers' settings are in the environment (CI).
      {
        CRM_MODE: 'distributed',
        ESDB_URL: 'esdb://esdb:2113',
        MONGO_URL: 'mongodb://m',
        KAFKA_BROKERS: undefined,
      },
      'KAFKA_BROKERS',
    ],
    [
      'projector',
      PROJECTOR,
      { PROJECTOR_PROJECTIONS: 'customer-360,no-such-projection' },
      'PROJECTOR_PROJECTIONS',
    ],
  ])('%s refuses to start on a wrong setting and names it', async (_app, main, env, setting) => {
    const app = startApp(main, { CRM_DATA_DIR: join(dir, 'refused'), ...env });
    expect(await app.exited).toEqual({ code: 1, signal: null });
    const fatal = app
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: string; message: string })
      .find((entry) => entry.level === 'fatal');
    expect(fatal?.message).toContain(setting);
  });

  it('relays and projects a log, reports lag per consumer group, and stops cleanly on SIGTERM', async () => {
    const dataDir = join(dir, 'data');
    const head = await seedDemoLog(join(dataDir, 'events.db'), 15);
    const [relayPort, projectorPort] = [await freePort(), await freePort()];
    const relay = startApp(RELAY, { CRM_DATA_DIR: dataDir, PORT: String(relayPort), BUS_PARTITIONS: '3' });
    const projector = startApp(PROJECTOR, {
      CRM_DATA_DIR: dataDir,
      PORT: String(projectorPort),
      BUS_PARTITIONS: '3',
    });
    try {
      await poll(relayPort, '/health', (body) => JSON.parse(body).relay.position === head);
      const health = await poll(projectorPort, '/health', (body) =>
        (JSON.parse(body).projections as { lagMessages: number }[]).every((p) => p.lagMessages === 0),
      );
      const projections = JSON.parse(health).projections as {
        name: string;
        topic: string;
        partitions: unknown[];
      }[];
      expect(projections.find((p) => p.name === 'audit-trail')).toMatchObject({
        topic: 'crm.customer-events.ordered',
        partitions: [expect.objectContaining({ committed: head, lag: 0 })],
      });
      expect(projections.find((p) => p.name === 'customer-360')?.partitions).toHaveLength(3);

      const metrics = await poll(projectorPort, '/metrics', (body) =>
        body.includes('crm_consumer_group_lag'),
      );
      expect(metrics).toMatch(
        /crm_consumer_group_lag\{projection="customer-360",group="crm-projection-customer-360-v\d+",topic="crm.customer-events",partition="2"\} 0/,
      );
      expect(await poll(relayPort, '/metrics', () => true)).toMatch(
        new RegExp(`crm_relay_position ${head}\\b`),
      );
    } finally {
      relay.child.kill('SIGTERM');
      projector.child.kill('SIGTERM');
    }
    // Nest closes the app on SIGTERM, then re-raises the signal to end the process.
    expect(await relay.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await projector.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(relay.output()).toContain('relay stopped after its batch in hand');
    expect(projector.output()).toContain('projections stopped after their batches in hand');
  });
});
