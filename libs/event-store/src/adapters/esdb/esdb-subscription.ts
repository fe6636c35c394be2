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
 */
export class EsdbSubscription implements Subscription {
  private readonly buffer: EventEnvelope[] = [];
  private waiting: {
    resolve: (r: IteratorResult<EventEnvelope>) => void;
    reject: (e: unknown) => void;
  } | null = null;
  private failure: unknown = null;
  private closed = false;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly source: AllStreamSubscription,
    /** Maps a resolved event to ours, or `null` to skip it (system events, other streams, at/before `after`). */
    private readonly map: (resolved: AllStreamResolvedEvent) => EventEnvelope | null,
    private readonly onClose: (subscription: EsdbSubscription) => void = () => undefined,
  ) {
    source.on('data', (resolved: AllStreamResolvedEvent) => this.onData(resolved));
    source.on('error', (error: Error) => this.fail(error));
    source.on('end', () => this.finish());
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
    if (envelope === null) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: envelope, done: false });
      return;
    }
    this.buffer.push(envelope);
    if (this.buffer.length >= MAX_BUFFERED) this.source.pause();
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    this.failure = error;
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = null;
      reject(error);
    }
  }

  private finish(): void {
    this.closed = true;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  private next(): Promise<IteratorResult<EventEnvelope>> {
    const envelope = this.buffer.shift();
    if (envelope !== undefined) {
      if (this.buffer.length < MAX_BUFFERED / 2 && this.source.isPaused()) this.source.resume();
      return Promise.resolve({ value: envelope, done: false });
    }
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
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
