import type { Consumer, EachBatchPayload } from 'kafkajs';
import { deliverBatch } from '../../deliver-batch';
import type { BusConsumer, ConsumedBatch, ConsumeOptions, MemberAssignment } from '../../event-bus';
import { startedOrClosed } from './kafka-connect';
import { fromKafkaMessage } from './kafka-message';

/** Set on every consumer (it is kafkajs's default too), so health knows how long a rebalance may take. */
export const KAFKA_SESSION_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/**
 * Starts one group member with kafkajs's `eachBatch` (kafka.js.org/docs/consuming#each-batch): offsets are
 * resolved and committed by hand only after the handler succeeded (`autoCommit: false`,
 * `eachBatchAutoResolve: false`); a fetched batch is handed over in chunks of `maxBatchSize`, each committed
 * before the next, with a heartbeat in between. A rebalance (`isStale`) or a stop abandons the rest of the
 * batch uncommitted; the new owner reads it again. A consumer that fails to start is disconnected.
 */
export async function startKafkaConsumer(
  consumer: Consumer,
  options: ConsumeOptions,
  now: () => number = Date.now,
): Promise<BusConsumer> {
  let assignment: MemberAssignment = { partitions: 0, idleSince: now(), settleMs: KAFKA_SESSION_TIMEOUT_MS };
  // GROUP_JOIN fires after every (re)join with this member's share: `{ [topic]: partitions[] }`.
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    const partitions = (payload.memberAssignment[options.topic] ?? []).length;
    const idleSince = partitions > 0 ? undefined : (assignment.idleSince ?? now());
    assignment = {
      partitions,
      settleMs: KAFKA_SESSION_TIMEOUT_MS,
      ...(idleSince === undefined ? {} : { idleSince }),
    };
  });
  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets } = payload;
    const live = () => payload.isRunning() && !payload.isStale();
    for (const chunk of chunks(batch.messages, options.maxBatchSize)) {
      if (!live()) return;
      const consumed: ConsumedBatch = {
        topic: batch.topic,
        partition: batch.partition,
        messages: chunk.map(fromKafkaMessage),
      };
      const handled = await deliverBatch(options, consumed, {
        isRunning: live,
        pause: sleep,
        keepAlive: heartbeat,
      });
      if (!handled) return;
      resolveOffset(chunk[chunk.length - 1].offset);
      await commitOffsetsIfNecessary(uncommittedOffsets());
      await heartbeat();
    }
  };
  await startedOrClosed(consumer, async () => {
    await consumer.connect();
    await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: options.concurrentPartitions ?? 1,
      eachBatch,
    });
  });
  return {
    // disconnect() stops fetching, waits for the eachBatch in hand, then leaves the group.
    stop: () => consumer.disconnect(),
    assignment: () => assignment,
  };
}
