import type { NewEvent } from '@crm/domain';
import type { AppendResult, ExpectedRevision } from '../../event-store';
import type { AppendOutcome, PendingAppend } from './pending-append';

export interface GroupLimits {
  /** Most appends in one transaction: bounds how long the first caller of a group waits. */
  readonly maxAppends: number;
  /** Most events in one transaction; a single larger append still goes alone. */
  readonly maxEvents: number;
}

export interface CommittedGroup {
  readonly appends: number;
  readonly events: number;
}

/** Writes one group: on this thread (returns the outcomes) or on the writer thread (a promise of them). */
export type GroupWrite = (group: readonly PendingAppend[]) => AppendOutcome[] | Promise<AppendOutcome[]>;

/**
 * Group commit: appends made in the same turn of the event loop are written in one transaction, so one
 * fsync acknowledges all of them. Nothing resolves before its group has committed. At most one group is
 * being written at a time; appends that arrive meanwhile queue and form the next group.
 */
export class GroupCommitQueue {
  private readonly queue: PendingAppend[] = [];
  private scheduled = false;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly write: GroupWrite,
    private readonly limits: GroupLimits,
    private readonly afterCommit: (group: CommittedGroup) => void,
  ) {}

  enqueue(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expected, resolve, reject });
      this.schedule();
    });
  }

  /** Writes everything still queued, after the group in flight, so that closing drops no accepted append. */
  async drain(): Promise<void> {
    for (;;) {
      if (this.inFlight !== undefined) await this.inFlight;
      else if (this.queue.length > 0) this.commitNextGroup();
      else return;
    }
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight !== undefined) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    this.commitNextGroup();
  };

  private commitNextGroup(): void {
    if (this.inFlight !== undefined) return;
    const group = this.takeGroup();
    if (group.length === 0) return;
    let written: AppendOutcome[] | Promise<AppendOutcome[]>;
    try {
      written = this.write(group);
    } catch (error) {
      written = Promise.reject(error);
    }
    if (Array.isArray(written)) {
      this.settle(group, written);
      // Yielding between groups lets the committed callers continue before the next fsync.
      if (this.queue.length > 0) this.schedule();
      return;
    }
    this.inFlight = written
      .then(
        (outcomes) => this.settle(group, outcomes),
        (error: unknown) => this.fail(group, error),
      )
      .finally(() => {
        // The group that formed meanwhile (including appends of the callers just settled) goes at once.
        this.inFlight = undefined;
        this.commitNextGroup();
      });
  }

  /** The whole transaction failed (I/O, disk full, a stopped thread): every caller of the group fails. */
  private fail(group: readonly PendingAppend[], error: unknown): void {
    for (const pending of group) pending.reject(error);
  }

  private settle(group: readonly PendingAppend[], outcomes: readonly AppendOutcome[]): void {
    let events = 0;
    for (let i = 0; i < group.length; i++) {
      const outcome = outcomes[i];
      if (outcome.ok) {
        events += outcome.result.deduplicated ? 0 : outcome.result.positions.length;
        group[i].resolve(outcome.result);
      } else {
        group[i].reject(outcome.error);
      }
    }
    this.afterCommit({ appends: group.length, events });
  }

  private takeGroup(): PendingAppend[] {
    let count = 0;
    let events = 0;
    while (count < this.queue.length && count < this.limits.maxAppends) {
      const size = this.queue[count].events.length;
      if (count > 0 && events + size > this.limits.maxEvents) break;
      events += size;
      count++;
    }
    return this.queue.splice(0, count);
  }
}
