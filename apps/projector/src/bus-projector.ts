import type { EventEnvelope } from '@crm/domain';
import {
  type BusConsumer,
  type ConsumedBatch,
  type ConsumedMessage,
  type MemberAssignment,
  type PartitionLag,
  totalLag,
} from '@crm/messaging';
import {
  CollectionWriter,
  collectionName,
  DEAD_LETTERS,
  type DeadLetter,
  deadLetterDocument,
  PoisonEventError,
  ProjectionRunner,
  projectionTarget,
  storageName,
} from '@crm/projection-runtime';
import type { BusProjectorOptions } from './bus-projector-options';
import { consumedEvents } from './consumed-events';
import { deadLetterMessage } from './dead-letter-message';
import { GroupTargets } from './group-targets';
import { messageDeadLetter, messageEventId } from './message-dead-letter';

interface BatchApplied {
  readonly events: number;
  readonly applied: number;
  readonly deadLettered: number;
}

export interface BusProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly collection: string;
  readonly delivery: BusProjectorOptions['delivery'];
  readonly topic: string;
  readonly groupId: string;
  readonly state: 'idle' | 'running';
  /** Messages the group has yet to read, per partition and in total. */
  readonly lagMessages: number;
  readonly partitions: readonly PartitionLag[];
  readonly deadLetters: number;
  /** This member's share of the topic, where the bus rebalances (Kafka). */
  readonly assignment?: MemberAssignment;
  readonly lastError?: string;
}

/**
 * Runs one projection from the bus (distributed mode) as one consumer group: each consumed batch goes
 * through the runner's `CollectionWriter` (the same routing, evolve, version fence and dead letters as
 * embedded mode), and its offsets are committed only after the read-store write. Per-customer projections
 * read the partitioned topic, the others the single-partition topic in global order (ADR 0009).
 *
 * A batch that fails outside projection code (a payload that does not decode, a key that does not open it,
 * a read-store write the store refuses) is delivered again up to `maxAttempts` times; then its messages are
 * applied one by one and each one that still fails is dead-lettered, so one bad message cannot hold its
 * partition. The dead letter is written to the read store before anything is committed: while the store
 * itself is down that write fails too and the batch is only retried.
 */
export class BusProjector {
  readonly topic: string;
  private consumer: BusConsumer | undefined;
  private writer: CollectionWriter | undefined;
  private targets: GroupTargets | undefined;
  private lastError: string | undefined;
  /** Per partition: the batch that last failed there, and how often in a row. */
  private readonly failedBatches = new Map<number, { readonly key: string; readonly attempts: number }>();
  /** Batches of several partitions may look up the target at once; one at a time may move the writer. */
  private targetLookup: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BusProjectorOptions) {
    const { delivery, topics } = options;
    this.topic = delivery === 'per-customer' ? topics.customerEvents : topics.orderedEvents;
  }

  get name(): string {
    return this.options.definition.name;
  }

  /**
   * A group reads the topic from its committed offsets, a new one from its start. Where retention already
   * deleted messages the group has not read (its offset, or the start for a new group, below the earliest
   * one held), it first catches up from the event store: the bus would otherwise skip to the earliest offset
   * silently. So topics need not keep the whole log, and a group may lag past retention.
   */
  async start(): Promise<void> {
    const { bus, groupId, batchSize, retryDelayMs, concurrentPartitions, delivery } = this.options;
    await this.prepare();
    const partitions = await bus.groupLag(groupId, this.topic);
    if (partitions.some((partition) => partition.earliest > (partition.committed ?? 0))) {
      await this.catchUpFromEventStore();
    }
    await this.targetWriter();
    this.consumer = await bus.consume({
      topic: this.topic,
      groupId,
      maxBatchSize: batchSize ?? 500,
      retryDelayMs,
      concurrentPartitions: delivery === 'per-customer' ? concurrentPartitions : 1,
      handle: (batch) => this.handle(batch),
      onError: (error) => {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.onError?.(error);
      },
    });
  }

  /** Finishes the batch in hand, commits it and leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop();
  }

  async status(): Promise<BusProjectionStatus> {
    const { definition, delivery, bus, groupId, readStore } = this.options;
    const collection = await projectionTarget(readStore, definition);
    const [partitions, deadLetters] = await Promise.all([
      bus.groupLag(groupId, this.topic),
      readStore.count(DEAD_LETTERS.name, [{ field: 'projection', op: 'eq', value: collection }]),
    ]);
    return {
      name: definition.name,
      version: definition.version,
      collection,
      delivery,
      topic: this.topic,
      groupId,
      state: this.consumer === undefined ? 'idle' : 'running',
      lagMessages: totalLag(partitions),
      partitions,
      deadLetters,
      ...(this.consumer?.assignment === undefined ? {} : { assignment: this.consumer.assignment() }),
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  private async handle(batch: ConsumedBatch): Promise<void> {
    const writer = await this.targetWriter();
    const applied = await this.applyOrSetAside(writer, batch);
    await this.publishDeadLetters(writer.collection, batch);
    this.lastError = undefined;
    this.options.onBatch?.({ projection: this.name, ...applied });
  }

  private async applyOrSetAside(writer: CollectionWriter, batch: ConsumedBatch): Promise<BatchApplied> {
    try {
      const applied = await this.apply(writer, batch.messages);
      this.failedBatches.delete(batch.partition);
      return applied;
    } catch (error) {
      if (error instanceof PoisonEventError) throw error;
      const attempts = this.countFailure(batch);
      if (attempts < (this.options.maxAttempts ?? 3)) throw error;
      this.failedBatches.delete(batch.partition);
      return this.applyOneByOne(writer, batch, attempts);
    }
  }

  private async apply(writer: CollectionWriter, messages: readonly ConsumedMessage[]): Promise<BatchApplied> {
    const events = await consumedEvents(messages, this.options);
    // From a partitioned topic the checkpoint cannot follow (other partitions may be behind): it stays where
    // the event store last brought it, and the group's offsets carry the progress.
    const applied =
      this.options.delivery === 'per-customer'
        ? await writer.applyWithinPartition(events)
        : await writer.apply(events, await this.checkpointAfter(writer, events));
    return { events: events.length, applied: applied.applied, deadLettered: applied.deadLettered };
  }

  /** Each message alone: the ones that still fail are dead-lettered with the error they fail with. */
  private async applyOneByOne(
    writer: CollectionWriter,
    batch: ConsumedBatch,
    attempts: number,
  ): Promise<BatchApplied> {
    const total = { events: 0, applied: 0, deadLettered: 0 };
    for (const message of batch.messages) {
      try {
        const applied = await this.apply(writer, [message]);
        total.events += applied.events;
        total.applied += applied.applied;
        total.deadLettered += applied.deadLettered;
      } catch (error) {
        if (error instanceof PoisonEventError) throw error;
        const letter = messageDeadLetter(writer.collection, batch, message, {
          error,
          attempts: attempts + 1,
        });
        await this.options.readStore.bulkWrite(DEAD_LETTERS.name, [
          { kind: 'upsert', document: deadLetterDocument(letter) },
        ]);
        total.events += 1;
        total.deadLettered += 1;
      }
    }
    return total;
  }

  /** Consecutive failures of this very batch (its partition and offsets); a different batch starts over. */
  private countFailure(batch: ConsumedBatch): number {
    const first = batch.messages[0]?.offset;
    const last = batch.messages[batch.messages.length - 1]?.offset;
    const key = `${batch.topic}/${batch.partition}/${first}-${last}`;
    const failed = this.failedBatches.get(batch.partition);
    const attempts = failed?.key === key ? failed.attempts + 1 : 1;
    this.failedBatches.set(batch.partition, { key, attempts });
    return attempts;
  }

  /** In global order the read-store checkpoint ("every event at or below it is applied") follows the batch. */
  private async checkpointAfter(writer: CollectionWriter, events: readonly EventEnvelope[]): Promise<number> {
    const checkpoint = await writer.checkpoint();
    return Math.max(checkpoint, ...events.map((event) => event.position));
  }

  /**
   * The collection the alias serves. When it is not the one this group last wrote (`crm rebuild` or
   * `crm rollback` swapped it), the group's committed offsets were applied elsewhere, so the collection is
   * first caught up from the event store; the fence makes the redelivered messages no-ops.
   */
  private async targetWriter(): Promise<CollectionWriter> {
    const collection = await projectionTarget(this.options.readStore, this.options.definition);
    if (this.writer?.collection === collection) return this.writer;
    const moved = this.targetLookup.then(() => this.moveWriter());
    this.targetLookup = moved.catch(() => undefined);
    return moved;
  }

  /** Run one at a time: the first batch to see a new target catches up and opens it, the others reuse it. */
  private async moveWriter(): Promise<CollectionWriter> {
    const { definition, readStore, runOptions, maxAttempts, clock, groupId } = this.options;
    const collection = await projectionTarget(readStore, definition);
    if (this.writer?.collection === collection) return this.writer;
    this.targets ??= await GroupTargets.open(readStore);
    const last = await this.targets.lastWritten(groupId);
    if (last?.collection !== collection) {
      if (last !== undefined) await this.catchUpFromEventStore();
      await this.targets.record(groupId, collection, last?.version ?? 0);
    }
    this.writer = await CollectionWriter.open({
      definition,
      readStore,
      collection,
      maxAttempts: maxAttempts ?? 3,
      poison: runOptions.poison,
      chain: runOptions.chain,
      clock: clock ?? (() => new Date()),
    });
    return this.writer;
  }

  private async catchUpFromEventStore(): Promise<void> {
    const { definition, eventStore, readStore, runOptions, batchSize, maxAttempts, clock } = this.options;
    const runner = new ProjectionRunner({
      definition,
      source: eventStore,
      readStore,
      batchSize,
      maxAttempts,
      clock,
      poison: runOptions.poison,
      chain: runOptions.chain,
    });
    await runner.catchUp();
  }

  private async prepare(): Promise<void> {
    const { definition, readStore } = this.options;
    await readStore.ensureCollection({ name: collectionName(definition), fields: definition.fields ?? [] });
    await readStore.ensureCollection(DEAD_LETTERS);
    const alias = storageName(definition.name);
    if ((await readStore.resolveAlias(alias)) === undefined)
      await readStore.setAlias(alias, collectionName(definition));
  }

  /**
   * Publishes the dead letters stored for this batch's events, looked up by event id every time: a crash
   * between writing a letter and publishing it redelivers the batch, and on redelivery the version fence may
   * skip the poison event, so the batch's own dead-letter count would say there is nothing to publish.
   */
  private async publishDeadLetters(collection: string, batch: ConsumedBatch): Promise<void> {
    const { bus, readStore, topics } = this.options;
    const byEventId = new Map(batch.messages.map((message) => [messageEventId(batch, message), message]));
    const stored = await readStore.getMany(
      DEAD_LETTERS.name,
      [...byEventId.keys()].map((eventId) => `${collection}:${eventId}`),
    );
    if (stored.size === 0) return;
    const messages = [...stored.values()].map((document) => {
      const letter = document.body as unknown as DeadLetter;
      const original = byEventId.get(letter.eventId);
      if (original === undefined) throw new Error(`dead letter ${document.id} is not in the batch`);
      return deadLetterMessage(original, letter);
    });
    await bus.publish(topics.deadLetters, messages);
  }
}
