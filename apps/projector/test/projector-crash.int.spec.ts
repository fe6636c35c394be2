import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { CustomerKeys, SqliteEventBus } from '@crm/messaging';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { EventRelay } from '../../relay/src/event-relay';
import { auditChainOf, customersOutOfOrder } from './support/read-model-checks';
import {
  cleanRebuild,
  dumpReadModels,
  pipelineDefinitions,
  startWorker,
  TOPIC_SPECS,
  TOPICS,
} from './support/pipeline';
import { seedDemoLog } from './support/seed';

const WORKER = join(__dirname, 'projector-worker.ts');
const CUSTOMERS = 60;
const BATCH = 20;

/** Offsets committed by every projection's group, summed: how far the projector process got. */
async function committedMessages(bus: SqliteEventBus): Promise<number> {
  let total = 0;
  for (const definition of pipelineDefinitions()) {
    for (const topic of [TOPICS.customerEvents, TOPICS.orderedEvents]) {
      const group = `crm-projection-${definition.name}-v${definition.version}`;
      total += (await bus.groupLag(group, topic)).reduce((sum, p) => sum + (p.committed ?? 0), 0);
    }
  }
  return total;
}

describe('a projector process killed mid-batch (embedded bus, real processes)', () => {
  let dir: string;
  let eventsPath: string;
  let busPath: string;
  let head: number;
  let clean: Record<string, string[]>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-projector-crash-'));
    eventsPath = join(dir, 'events.db');
    busPath = join(dir, 'bus.db');
    head = await seedDemoLog(eventsPath, CUSTOMERS);

    const events = SqliteEventStore.open({ path: eventsPath });
    const bus = SqliteEventBus.open({ path: busPath });
    const relayReads = SqliteReadStore.open({ path: join(dir, 'relay.db') });
    await bus.ensureTopics(TOPIC_SPECS);
    await new EventRelay({
      source: events,
      keys: new CustomerKeys(events),
      bus,
      checkpoints: relayReads,
      topics: TOPICS,
      batchSize: 100,
    }).runUntil(head);
    const rebuild = SqliteReadStore.open({ path: join(dir, 'clean.db') });
    clean = await cleanRebuild(events, rebuild, pipelineDefinitions());
    await Promise.all([rebuild.close(), relayReads.close(), bus.close(), events.close()]);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('restarts from its committed offsets, loses nothing and equals a clean rebuild byte for byte', async () => {
    const readsPath = join(dir, 'reads.db');
    const args = [eventsPath, readsPath, busPath, String(BATCH)];
    const observer = SqliteEventBus.open({ path: busPath });
    const everything = pipelineDefinitions().length * head;
    try {
      const first = startWorker(WORKER, args);
      const killAt = Math.floor(everything * (0.2 + Math.random() * 0.5));
      while ((await committedMessages(observer)) < killAt)
        await new Promise((resolve) => setTimeout(resolve, 2));
      first.child.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(await committedMessages(observer)).toBeLessThan(everything);

      expect(await startWorker(WORKER, args).exited).toEqual({ code: 0, signal: null });
      expect(await committedMessages(observer)).toBe(everything);
    } finally {
      await observer.close();
    }

    const reads = SqliteReadStore.open({ path: readsPath });
    const recovered = await dumpReadModels(reads, pipelineDefinitions());
    await reads.close();
    expect(recovered).toEqual(clean);
    expect(auditChainOf(recovered.audit_trail_v1)).toMatchObject({ ok: true, verified: head });
    expect(recovered.customer_revisions_v1).toHaveLength(CUSTOMERS);
    expect(customersOutOfOrder(recovered.customer_revisions_v1)).toEqual([]);
  });
});
