import type { CommandOutcome } from '@crm/application';

export interface TierReviewSummary {
  /** The reviewed instant, in UTC. */
  readonly asOf: string;
  /** Customers the review sent a ReviewTier command for. */
  readonly candidates: number;
  readonly warned: number;
  readonly downgraded: number;
  readonly cancelled: number;
  /** Candidates the decider left as they were (e.g. still within their grace period). */
  readonly unchanged: number;
  readonly failed: number;
  /**
   * Candidates whose loyalty record already holds a fact after the reviewed instant (a later review, an
   * upgrade, a floor): the decider refuses such a review, nothing was appended (docs/loyalty-reviews.md).
   */
  readonly superseded: number;
  /** Candidates already reviewed at this instant: their first outcome is counted, nothing was appended. */
  readonly replayed: number;
}

type Counter = Exclude<keyof TierReviewSummary, 'asOf'>;

const COUNTER_OF_EVENT: Readonly<Record<string, Counter>> = {
  TierDowngradeWarned: 'warned',
  TierChanged: 'downgraded',
  TierDowngradeCancelled: 'cancelled',
};

/** Counts the outcomes of one review run. */
export class TierReviewTally {
  private readonly counts: Record<Counter, number> = {
    candidates: 0,
    warned: 0,
    downgraded: 0,
    cancelled: 0,
    unchanged: 0,
    failed: 0,
    superseded: 0,
    replayed: 0,
  };

  constructor(private readonly asOf: string) {}

  /** A review appends at most one event: a warning, a one-tier downgrade or a cancellation. */
  readonly record = (outcome: CommandOutcome): void => {
    this.counts.candidates++;
    if (outcome.replayed) this.counts.replayed++;
    const [event] = outcome.events;
    this.counts[event === undefined ? 'unchanged' : (COUNTER_OF_EVENT[event.type] ?? 'unchanged')]++;
  };

  readonly fail = (): void => {
    this.counts.candidates++;
    this.counts.failed++;
  };

  readonly supersede = (): void => {
    this.counts.candidates++;
    this.counts.superseded++;
  };

  summary(): TierReviewSummary {
    return { asOf: this.asOf, ...this.counts };
  }
}
