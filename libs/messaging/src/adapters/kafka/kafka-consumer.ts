import type { Consumer, EachBatchPayload } from 'kafkajs';
import { deliverBatch } from '../../deliver-batch';
import type { BusConsumer, ConsumedBatch, ConsumeOptions } from '../../event-bus';
import { fromKafkaMessage } from './kafka-message';

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
 * batch uncommitted; the new owner reads it again.
 */
export async function startKafkaConsumer(consumer: Consumer, options: ConsumeOptions): Promise<BusConsumer> {
  await consumer.connect();
  await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
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
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 1,
    eachBatch,
  });
  // disconnect() stops fetching, waits for the eachBatch in hand, then leaves the group.
  return { stop: () => consumer.disconnect() };
}
