import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { KafkaEventBus } from '@crm/messaging';
import { ProjectionRunner } from '@crm/projection-runtime';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { uniqueTopic } from '../../../../libs/messaging/src/contract/contract-fixtures';
import { customerActivity } from '../../../../libs/projection-runtime/test/support/customer-activity.projection';
import { dumpCollection } from '../../../../libs/projection-runtime/test/support/dump-collection';

/**
 * A projector test on a real broker: an event store and read stores in a scratch folder, a Kafka bus and an
 * admin client, and topics no other test uses.
 */
export interface KafkaScratch {
  readonly events: SqliteEventStore;
  readonly reads: SqliteReadStore;
  readonly bus: KafkaEventBus;
  readonly admin: Admin;
  readonly topics: {
    readonly customerEvents: string;
    readonly orderedEvents: string;
    readonly deadLetters: string;
  };
  /** customer-activity as a clean run from the event store builds it, as sorted JSON lines. */
  rebuilt(): Promise<string[]>;
  close(): Promise<void>;
}

export async function kafkaScratch(brokers: string[], label: string): Promise<KafkaScratch> {
  const dir = mkdtempSync(join(tmpdir(), `crm-${label}-`));
  const events = SqliteEventStore.open({ path: join(dir, 'events.db') });
  const reads = SqliteReadStore.open({ path: join(dir, 'reads.db') });
  const clean = SqliteReadStore.open({ path: join(dir, 'clean.db') });
  const bus = new KafkaEventBus({ brokers, clientId: `crm-${label}`, replicationFactor: 1 });
  const admin = new Kafka({ clientId: `crm-${label}`, brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  return {
    events,
    reads,
    bus,
    admin,
    topics: {
      customerEvents: uniqueTopic('customers'),
      orderedEvents: uniqueTopic('ordered'),
      deadLetters: uniqueTopic('dlq'),
    },
    rebuilt: async () => {
      await new ProjectionRunner({
        definition: customerActivity,
        source: events,
        readStore: clean,
      }).catchUp();
      return dumpCollection(clean, 'customer_activity_v1');
    },
    close: async () => {
      await Promise.all([bus.close(), admin.disconnect()]);
      await Promise.all([reads.close(), clean.close(), events.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
