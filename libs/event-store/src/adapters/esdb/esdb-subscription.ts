import type { EventEnvelope } from '@crm/domain';
import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import type { Subscription } from '../../event-store';

/** High-water mark of buffered events before the underlying gRPC stream is paused. */
const MAX_BUFFERED = 256;

/**
 * Our `Subscription` over the client's `AllStreamSubscription` (a Node `Readable` in object mode).
 *
 * We do not iterate the Readable with `for await` directly: after `unsubscribe()` the client cancels the
 * gRPC call and swallows the cancellation error (`isClientCancellationError` in its `Subscription`), so the
 * Readable never ends and an iterator waiting on it would hang. Instead events are pushed into a small
 * queue (pausing the Readable above {@link MAX_BUFFERED}) and `close()` settles any waiting `next()`.
 * The checkpoints of a filtered subscription go through the same queue, so that a consumer is told of one
 * only after it has taken every event before it.
 */
/** A buffered event, or the position a filtered subscription has read through (a checkpoint of the filter). */
type Item = { readonly event: EventEnvelope } | { readonly progress: number };

export class EsdbSubscription implements Subscription {
  private readonly buffer: Item[] = [];
  /** Wakes a `next()` that found the buffer empty. */
  private wake: (() => void) | null = null;
  private failure: unknown = null;
  private closed = false;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly source: AllStreamSubscription,
    /** Maps a resolved event to ours, or `null` to skip it (system events, other streams, at/before `after`). */
    private readonly map: (resolved: AllStreamResolvedEvent) => EventEnvelope | null,
    private readonly onClose: (subscription: EsdbSubscription) => void = () => undefined,
    private readonly onProgress?: (position: number) => Promise<void>,
  ) {
    source.on('data', (resolved: AllStreamResolvedEvent) => this.onData(resolved));
    source.on('error', (error: Error) => this.fail(error));
    source.on('end', () => this.finish());
  }

  /** The server's filter has read through `position`; reported in order, after the events before it. */
  progress(position: number): void {
    if (this.closed || this.onProgress === undefined) return;
    this.push({ progress: position });
  }

  private onData(resolved: AllStreamResolvedEvent): void {
    if (this.closed) return;
    let envelope: EventEnvelope | null;
    try {
      envelope = this.map(resolved);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (envelope !== null) this.push({ event: envelope });
  }

  private push(item: Item): void {
    this.buffer.push(item);
    if (this.buffer.length >= MAX_BUFFERED) this.source.pause();
    this.signal();
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    this.failure = error;
    this.signal();
  }

  private finish(): void {
    this.closed = true;
    this.signal();
  }

  private async next(): Promise<IteratorResult<EventEnvelope>> {
    for (;;) {
      const item = this.buffer.shift();
      if (item !== undefined) {
        if (this.buffer.length < MAX_BUFFERED / 2 && this.source.isPaused()) this.source.resume();
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
