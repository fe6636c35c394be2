import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { CustomerKeys, SqliteEventBus } from '@crm/messaging';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { TOPIC_SPECS, TOPICS } from '../../projector/test/support/pipeline';
import { EventRelay } from '../src/event-relay';

// A relay process over the embedded bus: publishes the log up to its head, then exits. With
// CRASH_AFTER_PUBLISH_THROUGH it SIGKILLs itself once a batch through that position is acknowledged and
// before its checkpoint is saved, the window relay-crash.int.spec.ts is about.
async function main(): Promise<void> {
  const [eventsPath, readsPath, busPath, batchSize] = process.argv.slice(2);
  const crashThrough = Number(process.env.CRASH_AFTER_PUBLISH_THROUGH ?? Infinity);
  const events = SqliteEventStore.open({ path: eventsPath });
  const reads = SqliteReadStore.open({ path: readsPath });
  const bus = SqliteEventBus.open({ path: busPath });
  await bus.ensureTopics(TOPIC_SPECS);
  const relay = new EventRelay({
    source: events,
    keys: new CustomerKeys(events),
    bus,
    checkpoints: reads,
    topics: TOPICS,
    batchSize: Number(batchSize),
    onPublished: ({ through }) => {
      if (through >= crashThrough) process.kill(process.pid, 'SIGKILL');
    },
  });
  await relay.runUntil(await events.headPosition());
  await bus.close();
  await reads.close();
  await events.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
