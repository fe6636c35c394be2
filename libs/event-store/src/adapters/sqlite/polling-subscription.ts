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
  timer: NodeJS.Timeout;
  /** When the timer fires, in `performance.now()` milliseconds. */
  dueAt: number;
}

export interface PollingOptions {
  /** How long an idle subscription sleeps before it looks again (appends by other processes). */
  readonly pollIntervalMs: number;
  /** The least time between two reads when woken by a commit: 0 reads at once. */
  readonly wakeIntervalMs: number;
}

/**
 * Pages through the log after a position, then tails it. The owning store wakes it after each local
 * commit; the poll timer is what notices appends by other processes writing the same file. Under a steady
 * stream of commits, `wakeIntervalMs` makes it read once per interval rather than once per commit.
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private iterated = false;
  private sleeper: Sleeper | undefined;
  private lastReadAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly readAfter: (position: number) => LogPage,
    private readonly after: number,
    private readonly polling: PollingOptions,
    private readonly onClose: (subscription: PollingSubscription) => void,
    private readonly onProgress?: (position: number) => Promise<void>,
  ) {}

  wake(): void {
    const sleeper = this.sleeper;
    if (sleeper === undefined) return;
    const readAt = this.lastReadAt + this.polling.wakeIntervalMs;
    const now = performance.now();
    if (readAt <= now) {
      this.stopSleeping(sleeper);
    } else if (readAt < sleeper.dueAt) {
      clearTimeout(sleeper.timer);
      sleeper.timer = setTimeout(() => this.stopSleeping(sleeper), readAt - now);
      sleeper.dueAt = readAt;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.sleeper !== undefined) this.stopSleeping(this.sleeper);
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
        this.lastReadAt = performance.now();
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
      const { pollIntervalMs } = this.polling;
      const sleeper: Sleeper = {
        resolve,
        timer: setTimeout(() => this.stopSleeping(sleeper), pollIntervalMs),
        dueAt: performance.now() + pollIntervalMs,
      };
      this.sleeper = sleeper;
    });
  }

  private stopSleeping(sleeper: Sleeper): void {
    clearTimeout(sleeper.timer);
    if (this.sleeper === sleeper) this.sleeper = undefined;
    sleeper.resolve();
  }
}
