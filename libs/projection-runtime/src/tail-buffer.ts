import type { EventEnvelope } from '@crm/domain';
import type { EventFeed } from './event-source';

/**
 * Drains a live feed into a bounded buffer while the runner applies the previous batch, so a busy tail
 * is applied in batches rather than one event at a time.
 */
export class TailBuffer {
  private readonly buffered: EventEnvelope[] = [];
  private readonly pump: Promise<void>;
  private failure: unknown;
  private closed = false;
  private wakeTaker: (() => void) | undefined;
  private wakePump: (() => void) | undefined;

  constructor(
    private readonly feed: EventFeed,
    private readonly capacity: number,
  ) {
    this.pump = this.fill();
  }

  /** Up to `max` events, waiting for at least one; empty once closed. */
  async take(max: number): Promise<EventEnvelope[]> {
    while (this.buffered.length === 0 && !this.closed) {
      await new Promise<void>((resolve) => (this.wakeTaker = resolve));
    }
    if (this.buffered.length < max && !this.closed) {
      // The taker wakes on the first pushed event; one macrotask lets the pump drain every event the feed
      // already holds (a page of the log is delivered in microtasks), so a busy tail makes real batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (this.failure !== undefined) throw this.failure;
    if (this.closed) return [];
    const batch = this.buffered.splice(0, max);
    this.signal('pump');
    return batch;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.signal('pump');
    this.signal('taker');
    await this.feed.close();
    await this.pump;
  }

  private async fill(): Promise<void> {
    try {
      for await (const event of this.feed) {
        if (this.closed) return;
        this.buffered.push(event);
        this.signal('taker');
        while (this.buffered.length >= this.capacity && !this.closed) {
          await new Promise<void>((resolve) => (this.wakePump = resolve));
        }
      }
    } catch (error) {
      this.failure = error;
    } finally {
      this.closed = true;
      this.signal('taker');
    }
  }

  private signal(who: 'taker' | 'pump'): void {
    const wake = who === 'taker' ? this.wakeTaker : this.wakePump;
    if (who === 'taker') this.wakeTaker = undefined;
    else this.wakePump = undefined;
    wake?.();
  }
}
