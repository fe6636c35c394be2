import type { EventEnvelope } from '@crm/domain';
import { eventMessage } from '@crm/messaging';
import { countEvents } from '@crm/projection-runtime/count-events';
import { TailBuffer } from '@crm/projection-runtime/tail-buffer';
import type { EventRelayOptions } from './event-relay-options';

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
 */
export class EventRelay {
  readonly checkpointName: string;
  private readonly batchSize: number;
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
    try {
      while (!done()) {
        const batch = await tail.take(this.batchSize);
        if (batch.length === 0) return;
        await this.publish(batch);
      }
    } finally {
      this.tail = undefined;
      await tail.close();
    }
  }

  private async publish(events: readonly EventEnvelope[]): Promise<void> {
    const { bus, keys, topics, checkpoints } = this.options;
    const messages = [];
    for (const event of events) messages.push(eventMessage(event, await keys.keyOf(event)));
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
