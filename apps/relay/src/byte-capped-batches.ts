import type { EventEnvelope } from '@crm/domain';
import { type BusMessage, messageBytes } from '@crm/messaging';

/** Events with the messages that carry them, index for index. */
export interface OutgoingBatch {
  readonly events: readonly EventEnvelope[];
  readonly messages: readonly BusMessage[];
}

/**
 * Splits a batch, in order, into runs of at most `maxBytes` counted before compression. kafkajs puts all of a
 * publish's messages for one partition in one record batch, and the broker checks that batch against
 * `max.message.bytes` after compression, so an uncompressed cap below the limit keeps every publish under it
 * whatever the data. A message over `maxBytes` alone travels alone.
 */
export function byteCappedBatches(batch: OutgoingBatch, maxBytes: number): OutgoingBatch[] {
  const runs: OutgoingBatch[] = [];
  let start = 0;
  let bytes = 0;
  batch.messages.forEach((message, index) => {
    const size = messageBytes(message);
    if (index > start && bytes + size > maxBytes) {
      runs.push(slice(batch, start, index));
      start = index;
      bytes = 0;
    }
    bytes += size;
  });
  if (start < batch.messages.length) runs.push(slice(batch, start, batch.messages.length));
  return runs;
}

/** The two halves of a batch of two or more. */
export const halves = (batch: OutgoingBatch): [OutgoingBatch, OutgoingBatch] => {
  const middle = Math.ceil(batch.events.length / 2);
  return [slice(batch, 0, middle), slice(batch, middle, batch.events.length)];
};

const slice = (batch: OutgoingBatch, start: number, end: number): OutgoingBatch => ({
  events: batch.events.slice(start, end),
  messages: batch.messages.slice(start, end),
});
