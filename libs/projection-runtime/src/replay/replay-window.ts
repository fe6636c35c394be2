import type { EventEnvelope } from '@crm/domain';
import type { ReplayBound } from './replay-options';

/**
 * The events a replay applies. Positions bound the scan itself; instants filter by `occurredAt`, which is
 * business time and not monotonic in the log, so an instant bound scans to the head and keeps the events
 * inside it.
 */
export class ReplayWindow {
  private constructor(
    readonly fromPosition: number,
    readonly toPosition: number | undefined,
    private readonly fromMs: number,
    private readonly toMs: number,
  ) {}

  static of(from: ReplayBound | undefined, to: ReplayBound | undefined): ReplayWindow {
    return new ReplayWindow(
      typeof from === 'number' ? from : 0,
      typeof to === 'number' ? to : undefined,
      typeof from === 'string' ? instantMs(from) : -Infinity,
      typeof to === 'string' ? instantMs(to) : Infinity,
    );
  }

  /** The events of a batch read from the log that the projection applies. */
  keep(batch: readonly EventEnvelope[]): EventEnvelope[] {
    return batch.filter((event) => {
      if (event.position < this.fromPosition) return false;
      if (this.toPosition !== undefined && event.position > this.toPosition) return false;
      const at = Date.parse(event.occurredAt);
      return at >= this.fromMs && at <= this.toMs;
    });
  }
}

function instantMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${instant}`);
  return ms;
}
