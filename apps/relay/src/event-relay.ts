import type { EventEnvelope } from '@crm/domain';
import { eventMessage, eventReferenceMessage, MessageTooLargeError } from '@crm/messaging';
import { countEvents } from '@crm/projection-runtime/count-events';
import { TailBuffer } from '@crm/projection-runtime/tail-buffer';
import { byteCappedBatches, halves, type OutgoingBatch } from './byte-capped-batches';
import type { EventRelayOptions } from './event-relay-options';

/**
 * Kafka's default limit on a record batch is 1 MiB (`message.max.bytes` = 1,048,588 on the broker, the
 * topic's `max.message.bytes` likewise); this leaves room for the batch's and the request's framing.
 */
export const DEFAULT_MAX_BATCH_BYTES = 900_000;

/** The event store's live feed ended while the relay was following it (a dropped subscription). */
export class FeedEndedError extends Error {
  constructor(readonly after: number) {
    super(`The event store feed ended after position ${after}; resubscribing`);
    this.name = 'FeedEndedError';
  }
}

export interface RelayStatus {
  readonly state: 'idle' | 'running' | 'stopping';
  /** Checkpoint: every event at or below it has been acknowledged by the broker. */
  readonly position: number;
  readonly headPosition: number;
  /** Events after the checkpoint, counted by reading them up to 1,000 (positions are not counts: ADR 0003). */
  readonly lagEvents: number;
  readonly published: number;
  readonly lastError?: string;
}

/**
 * Publishes the event store's global log to the bus (DESIGN §2): from its checkpoint, in global order, each
 * event keyed by its customer to the partitioned topic and to the single-partition ordered topic. The
 * checkpoint advances only after the broker acknowledged both, so a crash in between publishes the batch
 * again; projectors drop the duplicates with their version fence.
 *
 * A batch goes out in runs of at most `maxBatchBytes`. A run the broker still refuses as too large is halved
 * until it passes; a single event refused alone goes as a reference that projectors resolve from the event
 * store (ADR "Oversized events travel by reference"), so no event can wedge the relay. A live feed that ends
 * while the relay runs is an error like any other: the supervisor subscribes again after `retryDelayMs`.
 */
export class EventRelay {
  readonly checkpointName: string;
  private readonly batchSize: number;
  private readonly maxBatchBytes: number;
  private state: RelayStatus['state'] = 'idle';
  private running: Promise<void> | undefined;
  private tail: TailBuffer | undefined;
  private position = 0;
  private published = 0;
  private lastError: string | undefined;
  private wakeRetry: (() => void) | undefined;

  constructor(private readonly options: EventRelayOptions) {
    this.checkpointName = `relay:${options.topics.customerEvents}`;
    this.batchSize = options.batchSize ?? 500;
    this.maxBatchBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  }

  /** Catches up, then follows new events until `stop()`; a failed batch is retried after a delay. */
  start(): void {
    this.claim(() => this.supervise());
  }

  /** Publishes until the checkpoint reaches `position`. */
  runUntil(position: number): Promise<void> {
    return this.claim(() => this.run(position));
  }

  /** Finishes the batch in hand (publish, then checkpoint) and returns. */
  async stop(): Promise<void> {
    if (this.running === undefined) return;
    this.state = 'stopping';
    this.wakeRetry?.();
    await this.tail?.close();
    await this.running;
  }

  async status(): Promise<RelayStatus> {
    const headPosition = await this.options.source.headPosition();
    const position =
      this.state === 'idle'
        ? ((await this.options.checkpoints.getCheckpoint(this.checkpointName))?.position ?? 0)
        : this.position;
    return {
      state: this.state,
      position,
      headPosition,
      lagEvents: (await countEvents(this.options.source, position, headPosition)).count,
      published: this.published,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  private claim(work: () => Promise<void>): Promise<void> {
    if (this.running !== undefined) throw new Error('The relay is already running');
    this.state = 'running';
    const running = work().finally(() => {
      this.running = undefined;
      this.state = 'idle';
    });
    this.running = running;
    return running;
  }

  private async supervise(): Promise<void> {
    while (this.state === 'running') {
      try {
        await this.run(undefined);
        return;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.onError?.(error);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.retryDelayMs ?? 1_000);
          this.wakeRetry = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  private async run(until: number | undefined): Promise<void> {
    const { source, checkpoints } = this.options;
    this.position = (await checkpoints.getCheckpoint(this.checkpointName))?.position ?? 0;
    const done = () => this.state !== 'running' || (until !== undefined && this.position >= until);

    while (!done()) {
      const batch = await source.readAll({ after: this.position, limit: this.batchSize });
      if (batch.length === 0) break;
      await this.publish(batch);
    }
    if (done()) return;

    const tail = new TailBuffer(source.subscribeToAll({ after: this.position }), this.batchSize * 2);
    this.tail = tail;
    // Caught up and following again: whatever failed before (a broker outage, a dropped feed) is over.
    this.lastError = undefined;
    try {
      while (!done()) {
        const batch = await tail.take(this.batchSize);
        if (batch.length === 0) {
          if (done()) return;
          throw new FeedEndedError(this.position);
        }
        await this.publish(batch);
      }
    } finally {
      this.tail = undefined;
      await tail.close();
    }
  }

  private async publish(events: readonly EventEnvelope[]): Promise<void> {
    const messages = [];
    for (const event of events) messages.push(eventMessage(event, await this.options.keys.keyOf(event)));
    for (const run of byteCappedBatches({ events, messages }, this.maxBatchBytes)) await this.publishRun(run);
  }

  private async publishRun(run: OutgoingBatch): Promise<void> {
    try {
      await this.publishToBoth(run);
    } catch (error) {
      if (!(error instanceof MessageTooLargeError)) throw error;
      if (run.events.length > 1) {
        for (const half of halves(run)) await this.publishRun(half);
        return;
      }
      const [event] = run.events;
      this.options.onOversized?.(event);
      await this.publishToBoth({
        events: run.events,
        messages: [eventReferenceMessage(event, run.messages[0].key)],
      });
    }
  }

  private async publishToBoth({ events, messages }: OutgoingBatch): Promise<void> {
    const { bus, topics, checkpoints } = this.options;
    await bus.publish(topics.customerEvents, messages);
    await bus.publish(topics.orderedEvents, messages);
    const through = events[events.length - 1].position;
    this.options.onPublished?.({ events, through });
    const updatedAt = (this.options.clock?.() ?? new Date()).toISOString();
    await checkpoints.saveCheckpoint(this.checkpointName, { position: through, updatedAt });
    this.position = through;
    this.published += events.length;
    this.lastError = undefined;
  }
}
