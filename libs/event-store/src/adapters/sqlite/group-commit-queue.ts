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

/**
 * Group commit: appends made in the same turn of the event loop are written in one transaction, so one
 * fsync acknowledges all of them. Nothing resolves before its group has committed.
 */
export class GroupCommitQueue {
  private readonly queue: PendingAppend[] = [];
  private scheduled = false;

  constructor(
    private readonly write: (group: readonly PendingAppend[]) => AppendOutcome[],
    private readonly limits: GroupLimits,
    private readonly afterCommit: (group: CommittedGroup) => void,
  ) {}

  enqueue(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expected, resolve, reject });
      this.schedule();
    });
  }

  /** Writes everything still queued, synchronously, so that closing drops no accepted append. */
  drain(): void {
    while (this.queue.length > 0) this.commitNextGroup();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    this.commitNextGroup();
    // Yielding between groups lets the committed callers continue before the next fsync.
    if (this.queue.length > 0) this.schedule();
  };

  private commitNextGroup(): void {
    const group = this.takeGroup();
    if (group.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.write(group);
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
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
