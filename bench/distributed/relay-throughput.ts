import type { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { type BusMessage, CustomerKeys, eventMessage, type EventBus } from '@crm/messaging';
import type { BusTopics } from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { EventRelay } from '../../apps/relay/src/event-relay';

export interface RelayPhaseResult {
  readonly events: number;
  readonly seconds: number;
  readonly batches: number;
}

/**
 * The relay as the relay app runs it (`EventRelay` over the sealed SQLite log, the real `KafkaEventBus`, its
 * checkpoint in MongoDB), from checkpoint 0 to the head of a seeded log: every event acknowledged by the
 * broker on both topics, each batch checkpointed. The producer connects before the clock starts.
 */
export async function relayThroughput(
  source: SqliteEventStore,
  bus: EventBus,
  checkpoints: ReadStore,
  topics: BusTopics,
  batchSize: number,
): Promise<RelayPhaseResult> {
  await bus.publish(topics.deadLetters, [{ key: 'warm-up', value: '{}', headers: {} }]);
  let batches = 0;
  const relay = new EventRelay({
    source,
    keys: new CustomerKeys(source),
    bus,
    checkpoints,
    topics,
    batchSize,
    onPublished: () => void batches++,
  });
  const head = await source.headPosition();
  const started = performance.now();
  await relay.runUntil(head);
  const seconds = (performance.now() - started) / 1000;
  return { events: (await relay.status()).published, seconds, batches };
}

/** The relay's messages for the whole log, batch by batch, as it builds them: the raw producer sends these. */
export async function relayMessages(source: SqliteEventStore, batchSize: number): Promise<BusMessage[][]> {
  const keys = new CustomerKeys(source);
  const batches: BusMessage[][] = [];
  let after = 0;
  for (;;) {
    const events = await source.readAll({ after, limit: batchSize });
    if (events.length === 0) return batches;
    const messages: BusMessage[] = [];
    for (const event of events) messages.push(eventMessage(event, await keys.keyOf(event)));
    batches.push(messages);
    after = events[events.length - 1].position;
  }
}
