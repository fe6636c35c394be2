/** Header values are strings on the way out; Kafka hands them back as Buffers, adapters decode them. */
export type MessageHeaders = Readonly<Record<string, string>>;

/** A keyed message: every message with one key lands in one partition, in publish order. */
export interface BusMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: MessageHeaders;
}

export interface ConsumedMessage extends BusMessage {
  /** The message's offset in its partition; offsets of one partition increase. */
  readonly offset: number;
}

/** Consecutive messages of one partition, in offset order. */
export interface ConsumedBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly ConsumedMessage[];
}

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
}

/** One partition of a consumer group: `committed` is the next offset the group will read (null: none yet). */
export interface PartitionLag {
  readonly partition: number;
  readonly committed: number | null;
  /** The oldest offset still held; above 0 once retention deleted older messages. */
  readonly earliest: number;
  /** The offset the next published message will get (Kafka's high watermark). */
  readonly end: number;
  readonly lag: number;
}

export interface ConsumeOptions {
  readonly topic: string;
  readonly groupId: string;
  /** At most this many messages per handler call. */
  readonly maxBatchSize: number;
  /**
   * Called with each batch. The batch's offsets are committed only after it resolves; when it throws, nothing
   * is committed and the same batch is delivered again after `retryDelayMs` while the consumer runs.
   */
  readonly handle: (batch: ConsumedBatch) => Promise<void>;
  /** Wait before a failed batch is delivered again. Default 1,000 ms. */
  readonly retryDelayMs?: number;
  /**
   * Batches of up to this many partitions may be in the handler at once (default 1), so a handler that waits
   * on I/O keeps several partitions moving. One partition's batches still come one at a time, in order. A bus
   * may hand over fewer at once; the embedded bus hands over one.
   */
  readonly concurrentPartitions?: number;
  readonly onError?: (error: unknown, batch: ConsumedBatch) => void;
}

/** The partitions one group member holds. */
export interface MemberAssignment {
  readonly partitions: number;
  /** Since when (epoch ms) it has held none; absent while it holds some. */
  readonly idleSince?: number;
  /** How long a rebalance may legitimately leave it without partitions (the group's session timeout). */
  readonly settleMs: number;
}

/** A running member of a consumer group. */
export interface BusConsumer {
  /** Finishes the batch in hand, commits it and leaves the group. */
  stop(): Promise<void>;
  /** Absent where the bus has no rebalancing (the embedded bus: one member reads every partition). */
  assignment?(): MemberAssignment;
}

/**
 * The relay → projectors bus (DESIGN §2). Publishing resolves only once the messages are durable (Kafka:
 * acknowledged by all in-sync replicas); consuming is per consumer group, resuming from the offsets the
 * group committed, so a consumer that dies mid-batch sees that batch again (at-least-once).
 */
export interface EventBus {
  /** Creates missing topics with their partition count; an existing topic is left as it is. */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  publish(topic: string, messages: readonly BusMessage[]): Promise<void>;
  consume(options: ConsumeOptions): Promise<BusConsumer>;
  groupLag(groupId: string, topic: string): Promise<PartitionLag[]>;
  close(): Promise<void>;
}

/** Total messages a group has yet to read on a topic. */
export const totalLag = (partitions: readonly PartitionLag[]): number =>
  partitions.reduce((sum, partition) => sum + partition.lag, 0);
