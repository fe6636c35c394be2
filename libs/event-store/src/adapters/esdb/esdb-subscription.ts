import type { EventEnvelope } from '@crm/domain';
import type { AllStreamResolvedEvent, AllStreamSubscription, Position } from '@eventstore/db-client';
import type { Subscription } from '../../event-store';
import { checkpointPosition } from './esdb-event-mapping';
import type { CheckpointSink } from './esdb-subscription-filter';

/** High-water mark of buffered events before the underlying gRPC stream is paused. */
const MAX_BUFFERED = 256;

/** A buffered event, or the position a filtered subscription has read through (a checkpoint of the filter). */
type Item = { readonly event: EventEnvelope } | { readonly progress: number };

/** A checkpoint that arrived while events before it still sat in the client's buffer. */
interface HeldProgress {
  readonly position: number;
  /** Reported once this many `data` events have arrived in all: those that were buffered before it. */
  readonly afterData: number;
}

export interface EsdbSubscriptionOptions {
  /** The client's subscription to `$all` (a Node `Readable` in object mode, a `Transform` in 6.2.1). */
  readonly source: AllStreamSubscription;
  /** Maps a resolved event to ours, or `null` to skip it (system events, other streams, at/before `after`). */
  readonly map: (resolved: AllStreamResolvedEvent) => EventEnvelope | null;
  /** The subscription delivers events strictly after this position; progress at or below it is not news. */
  readonly after: number;
  readonly onClose?: (subscription: EsdbSubscription) => void;
  /** With a filter by type: told how far the filter has read, in order with the events (see `progress`). */
  readonly onProgress?: (position: number) => Promise<void>;
  /** Buffered items above which the source is paused. Default 256; tests lower it. */
  readonly maxBuffered?: number;
}

/**
 * Our `Subscription` over the client's `AllStreamSubscription`.
 *
 * We do not iterate the Readable with `for await` directly: after `unsubscribe()` the client cancels the
 * gRPC call and swallows the cancellation error (`isClientCancellationError` in its `Subscription`), so the
 * Readable never ends and an iterator waiting on it would hang. Instead events are pushed into a small
 * queue (pausing the Readable above `maxBuffered`) and `close()` settles any waiting `next()`.
 *
 * The checkpoints of a filtered subscription go through the same queue, so that a consumer is told of one
 * only after it has taken every event before it. The client calls `checkpointReached` from `_transform`,
 * on the Transform's writable side, while the events it transformed before may still wait in its readable
 * buffer (when we paused it, or before the next tick delivers them): `readableLength` counts them. A
 * checkpoint is therefore held until that many more `data` events have arrived, and only then queued;
 * queued at once, it would overtake them, and a consumer that saved it and crashed would skip them for good.
 */
export class EsdbSubscription implements Subscription, CheckpointSink {
  private readonly source: AllStreamSubscription;
  private readonly map: EsdbSubscriptionOptions['map'];
  private readonly after: number;
  private readonly onClose: (subscription: EsdbSubscription) => void;
  private readonly onProgress: ((position: number) => Promise<void>) | undefined;
  private readonly maxBuffered: number;
  private readonly buffer: Item[] = [];
  private readonly held: HeldProgress[] = [];
  /** `data` events received from the source so far. */
  private received = 0;
  /** Wakes a `next()` that found the buffer empty. */
  private wake: (() => void) | null = null;
  private failure: unknown = null;
  private closed = false;
  private closing: Promise<void> | null = null;

  constructor(options: EsdbSubscriptionOptions) {
    this.source = options.source;
    this.map = options.map;
    this.after = options.after;
    this.onClose = options.onClose ?? (() => undefined);
    this.onProgress = options.onProgress;
    this.maxBuffered = Math.max(2, options.maxBuffered ?? MAX_BUFFERED);
    this.source.on('data', (resolved: AllStreamResolvedEvent) => this.onData(resolved));
    this.source.on('error', (error: Error) => this.fail(error));
    this.source.on('end', () => this.finish());
  }

  /**
   * A checkpoint of the server's filter: it has read through `position` (inclusive). Reported unchanged —
   * positions are byte offsets in the log, so `position - 1` is no record boundary and the server refuses
   * to read from it — once every event the source handed over before it has been queued, and only past
   * `after`. A checkpoint that names no position ((0,0): nothing matched yet from the start) is ignored.
   * Never throws: an error fails the subscription instead (see `subscriptionFilter`).
   */
  checkpoint(position: Position): void {
    try {
      if (this.closed || this.onProgress === undefined) return;
      const readThrough = checkpointPosition(position);
      if (readThrough === null || readThrough <= this.after) return;
      this.held.push({ position: readThrough, afterData: this.received + this.source.readableLength });
      this.release();
    } catch (error) {
      this.fail(error);
    }
  }

  fail(error: unknown): void {
    if (this.closed || this.failure !== null) return;
    this.failure = error;
    this.signal();
  }

  private onData(resolved: AllStreamResolvedEvent): void {
    this.received += 1;
    if (this.closed) return;
    let envelope: EventEnvelope | null;
    try {
      envelope = this.map(resolved);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (envelope !== null) this.push({ event: envelope });
    this.release();
  }

  /** Queues the held checkpoints whose events have all arrived. */
  private release(): void {
    while (this.held.length > 0 && this.held[0]!.afterData <= this.received) {
      this.push({ progress: this.held.shift()!.position });
    }
  }

  private push(item: Item): void {
    this.buffer.push(item);
    if (this.buffer.length >= this.maxBuffered) this.source.pause();
    this.signal();
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private finish(): void {
    this.closed = true;
    this.signal();
  }

  private async next(): Promise<IteratorResult<EventEnvelope>> {
    for (;;) {
      const item = this.buffer.shift();
      if (item !== undefined) {
        if (this.buffer.length < this.maxBuffered / 2 && this.source.isPaused()) this.source.resume();
        if ('event' in item) return { value: item.event, done: false };
        await this.onProgress?.(item.progress);
        continue;
      }
      if (this.failure !== null) throw this.failure;
      if (this.closed) return { value: undefined, done: true };
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<EventEnvelope> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return { value: undefined, done: true };
      },
    };
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.buffer.length = 0;
      this.held.length = 0;
      this.finish();
      this.onClose(this);
      this.closing = this.source.unsubscribe().then(
        () => undefined,
        () => undefined,
      );
    }
    return this.closing;
  }
}
