import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendCommands } from './command-workload';
import { keysOnTopic, publishUndecodable } from './dead-letter-topic';
import { distributedDumps, embeddedDumps } from './read-model-dumps';
import {
  kill,
  type RunningApp,
  serviceToken,
  type StackSettings,
  stackSettings,
  startApi,
  startProjector,
  startRelay,
} from './stack-processes';
import { apiHead, relayPosition, waitUntilAtLeast, waitUntilCaughtUp } from './stack-progress';

const BROKERS = process.env.KAFKA_BROKERS;
const MONGO_URL = process.env.MONGO_URL;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

if (!BROKERS || !MONGO_URL)
  throw new Error(
    'npm run test:distributed needs a Kafka broker and a MongoDB-wire database: ' +
      'npm run test:servers:start && source .test-servers/env',
  );

/**
 * The distributed topology as separate processes over the real broker and database (issue 16): the API on a
 * SQLite event store, the relay to Kafka, and projectors from Kafka into MongoDB. Each step compares every
 * MongoDB read model, document by document, with what embedded mode builds from the same log.
 */
describe('the distributed stack: API (SQLite log) → relay → Kafka → projectors → MongoDB', () => {
  jest.setTimeout(240_000);
  const run = randomBytes(3).toString('hex');
  let dir: string;
  let settings: StackSettings;
  let token: string;
  let api: RunningApp;
  let relay: RunningApp;
  let projector: RunningApp;
  let second: RunningApp | undefined;

  const apiUrl = () => `http://127.0.0.1:${api.port}`;
  const send = (customers: readonly number[]) => sendCommands(apiUrl(), token, run, customers);
  const expectEqualToEmbedded = async () => {
    await waitUntilCaughtUp(api, relay, projector);
    const [distributed, embedded] = await Promise.all([
      distributedDumps(settings),
      embeddedDumps(settings, dir),
    ]);
    for (const name of Object.keys(embedded)) {
      expect({ name, documents: distributed[name]?.length }).toEqual({
        name,
        documents: embedded[name].length,
      });
      expect({ name, documents: distributed[name] }).toEqual({ name, documents: embedded[name] });
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-distributed-'));
    settings = stackSettings(join(dir, 'api'), BROKERS, MONGO_URL);
    token = serviceToken(settings.jwtSecret);
    api = await startApi(settings);
    relay = await startRelay(settings);
    projector = await startProjector(settings);
  });

  // The run's topics and databases stay on the test servers, which `npm run test:servers:stop` wipes:
  // FerretDB's SQLite backend can crash when a database is dropped while a killed app's query is in flight.
  afterAll(async () => {
    for (const app of [second, projector, relay, api]) if (app) app.process.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('projects a few thousand HTTP commands into MongoDB exactly as embedded mode builds them', async () => {
    const sent = await send(range(0, 180));
    expect(sent).toBeGreaterThan(2_000);
    await expectEqualToEmbedded();
  });

  it('loses nothing when the projector, then the relay, then the projector again are killed mid-stream', async () => {
    const sending = send(range(180, 330));
    for (const victim of ['projector', 'relay', 'projector'] as const) {
      const head = await apiHead(api);
      await waitUntilAtLeast(() => relayPosition(relay), head);
      if (victim === 'projector') {
        expect(await kill(projector, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
        projector = await startProjector(settings);
      } else {
        expect(await kill(relay, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
        relay = await startRelay(settings);
      }
    }
    expect(await sending).toBeGreaterThan(1_500);
    await expectEqualToEmbedded();
  });

  it('shares the partitions between two projectors of one consumer group, with the same read models', async () => {
    second = await startProjector(settings);
    await send(range(330, 450));
    await expectEqualToEmbedded();
    const consumed = async (app: RunningApp) => {
      const metrics = await (await fetch(`http://127.0.0.1:${app.port}/metrics`)).text();
      const line = metrics.match(/crm_projector_events_consumed_total\{projection="customer-360"\} (\d+)/);
      return Number(line?.[1] ?? 0);
    };
    expect(await consumed(second)).toBeGreaterThan(0);
    expect(await consumed(projector)).toBeGreaterThan(0);
  });

  it('sends a poison message to the dead-letter topic and goes on with the stream', async () => {
    const poisonKey = `poison-${run}`;
    await publishUndecodable(BROKERS, settings.topics.customerEvents, poisonKey);
    await send(range(450, 480));
    await expectEqualToEmbedded();
    expect(await keysOnTopic(BROKERS, settings.topics.deadLetters)).toContain(poisonKey);
  });

  it('drains on SIGTERM: each app finishes its batch in hand, closes and ends', async () => {
    // Nest closes the app on SIGTERM, then re-raises the signal to end the process.
    for (const app of [second, projector, relay, api]) {
      if (app === undefined) continue;
      expect(await kill(app, 'SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
    }
    expect(projector.process.output()).toContain('projections stopped after their batches in hand');
    expect(second?.process.output()).toContain('projections stopped after their batches in hand');
    expect(relay.process.output()).toContain('relay stopped after its batch in hand');
    second = undefined;
  });
});
