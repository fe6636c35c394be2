import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { SqliteEventBus } from '@crm/messaging';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { auditChainOf, customersOutOfOrder } from '../../projector/test/support/read-model-checks';
import {
  cleanRebuild,
  dumpReadModels,
  pipelineDefinitions,
  startWorker,
  TOPICS,
} from '../../projector/test/support/pipeline';
import { seedDemoLog } from '../../projector/test/support/seed';

const RELAY = join(__dirname, 'relay-worker.ts');
const PROJECTOR = join(__dirname, '../../projector/test/projector-worker.ts');
const CUSTOMERS = 40;
const BATCH = 50;

const messagesIn = async (bus: SqliteEventBus, topic: string): Promise<number> =>
  (await bus.groupLag('observer', topic)).reduce((sum, partition) => sum + partition.end, 0);

describe('a relay process killed after publishing and before its checkpoint (embedded bus, real processes)', () => {
  let dir: string;
  let eventsPath: string;
  let head: number;
  let clean: Record<string, string[]>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-relay-crash-'));
    eventsPath = join(dir, 'events.db');
    head = await seedDemoLog(eventsPath, CUSTOMERS);
    const events = SqliteEventStore.open({ path: eventsPath });
    const rebuild = SqliteReadStore.open({ path: join(dir, 'clean.db') });
    clean = await cleanRebuild(events, rebuild, pipelineDefinitions());
    await Promise.all([rebuild.close(), events.close()]);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('publishes the batch again on restart, and the duplicates leave the read models as a clean rebuild', async () => {
    const readsPath = join(dir, 'reads.db');
    const busPath = join(dir, 'bus.db');
    const relayArgs = [eventsPath, readsPath, busPath, String(BATCH)];
    const crashThrough = Math.floor(head * (0.3 + Math.random() * 0.4));

    const crashed = startWorker(RELAY, relayArgs, { CRASH_AFTER_PUBLISH_THROUGH: String(crashThrough) });
    expect(await crashed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const reads = SqliteReadStore.open({ path: readsPath });
    const bus = SqliteEventBus.open({ path: busPath });
    try {
      const checkpoint = (await reads.getCheckpoint(`relay:${TOPICS.customerEvents}`))?.position ?? 0;
      const publishedBeforeCrash = await messagesIn(bus, TOPICS.orderedEvents);
      expect(checkpoint).toBeLessThan(crashThrough);
      expect(publishedBeforeCrash).toBeGreaterThan(checkpoint);

      expect(await startWorker(RELAY, relayArgs).exited).toEqual({ code: 0, signal: null });
      expect((await reads.getCheckpoint(`relay:${TOPICS.customerEvents}`))?.position).toBe(head);
      const duplicates = publishedBeforeCrash - checkpoint;
      expect(await messagesIn(bus, TOPICS.orderedEvents)).toBe(head + duplicates);
      expect(await messagesIn(bus, TOPICS.customerEvents)).toBe(head + duplicates);

      expect(await startWorker(PROJECTOR, [eventsPath, readsPath, busPath, '100']).exited).toEqual({
        code: 0,
        signal: null,
      });
      const projected = await dumpReadModels(reads, pipelineDefinitions());
      expect(projected).toEqual(clean);
      expect(auditChainOf(projected.audit_trail_v1)).toMatchObject({ ok: true, verified: head });
      expect(customersOutOfOrder(projected.customer_revisions_v1)).toEqual([]);
    } finally {
      await Promise.all([bus.close(), reads.close()]);
    }
  });
});
