import type { EventEnvelope } from '@crm/domain';
import type { Subscription } from '../../event-store';

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
    private readonly readAfter: (position: number) => readonly EventEnvelope[],
    private readonly after: number,
    private readonly pollIntervalMs: number,
    private readonly onClose: (subscription: PollingSubscription) => void,
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
        const batch = this.readAfter(after);
        if (batch.length === 0) {
          await this.sleep();
          continue;
        }
        for (const event of batch) {
          if (this.closed) return;
          after = event.position;
          yield event;
        }
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
