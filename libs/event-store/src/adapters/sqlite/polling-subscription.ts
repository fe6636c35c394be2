import type { EventEnvelope } from '@crm/domain';
import type { Subscription } from '../../event-store';

/** What one read of the log found after a position. */
export interface LogPage {
  readonly events: readonly EventEnvelope[];
  /** The position the read covered: the next one starts after it (past events a type filter skipped). */
  readonly through: number;
  /** Whether the read covered the log up to its head. */
  readonly atHead: boolean;
}

interface Sleeper {
  readonly resolve: () => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Pages through the log after a position, then tails it. The owning store wakes it after each local
 * commit; the poll timer is what notices appends by other processes writing the same file.
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private iterated = false;
  private sleeper: Sleeper | undefined;

  constructor(
    private readonly readAfter: (position: number) => LogPage,
    private readonly after: number,
    private readonly pollIntervalMs: number,
    private readonly onClose: (subscription: PollingSubscription) => void,
    private readonly onProgress?: (position: number) => Promise<void>,
  ) {}

  wake(): void {
    const sleeper = this.sleeper;
    if (sleeper === undefined) return;
    this.sleeper = undefined;
    clearTimeout(sleeper.timer);
    sleeper.resolve();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wake();
    this.onClose(this);
  }

  [Symbol.asyncIterator](): AsyncIterator<EventEnvelope> {
    // A second iterator would share the sleeper and the position, and each would miss events.
    if (this.iterated) throw new Error('A subscription can be iterated only once');
    this.iterated = true;
    return this.events();
  }

  private async *events(): AsyncGenerator<EventEnvelope> {
    let after = this.after;
    try {
      while (!this.closed) {
        const page = this.readAfter(after);
        for (const event of page.events) {
          if (this.closed) return;
          after = event.position;
          yield event;
        }
        if (page.through > after && !this.closed) {
          after = page.through;
          await this.onProgress?.(after);
        }
        if (page.events.length === 0 && page.atHead) await this.sleep();
      }
    } finally {
      await this.close();
    }
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.sleeper = undefined;
        resolve();
      }, this.pollIntervalMs);
      this.sleeper = { resolve, timer };
    });
  }
}
