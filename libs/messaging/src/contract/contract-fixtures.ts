import { randomBytes } from 'node:crypto';
import type { BusMessage, ConsumedBatch, ConsumedMessage, EventBus } from '../event-bus';

/** A topic no other test (or earlier run against the same broker) has used. */
export const uniqueTopic = (label: string): string => `contract.${label}.${randomBytes(5).toString('hex')}`;

export const uniqueGroup = (label: string): string => `contract-${label}-${randomBytes(5).toString('hex')}`;

export const message = (key: string, n: number): BusMessage => ({
  key,
  value: JSON.stringify({ key, n }),
  headers: { 'crm-n': String(n), 'crm-key': key },
});

/** `count` messages over `keys` keys, round-robin, numbered in publish order. */
export const messages = (count: number, keys: number): BusMessage[] =>
  Array.from({ length: count }, (_, n) => message(`customer-${n % keys}`, n));

export const sequenceOf = (consumed: ConsumedMessage): number =>
  (JSON.parse(consumed.value) as { n: number }).n;

/** Records every batch a consumer is handed. */
export class Received {
  readonly batches: ConsumedBatch[] = [];

  get messages(): ConsumedMessage[] {
    return this.batches.flatMap((batch) => batch.messages);
  }

  readonly handle = async (batch: ConsumedBatch): Promise<void> => {
    this.batches.push(batch);
  };
}

export async function eventually(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function committedTotal(bus: EventBus, group: string, topic: string): Promise<number> {
  const lag = await bus.groupLag(group, topic);
  return lag.reduce((sum, partition) => sum + (partition.committed ?? 0), 0);
}
