import { testEvent } from '../../../test/support/test-event';
import type { AppendResult } from '../../event-store';
import { type CommittedGroup, GroupCommitQueue } from './group-commit-queue';
import type { AppendOutcome, PendingAppend } from './pending-append';

/** A writer like the thread's: each group is answered only when the spec says so. */
class AnsweredLater {
  readonly groups: string[][] = [];
  private readonly answers: ((outcomes: AppendOutcome[] | Error) => void)[] = [];

  readonly write = (group: readonly PendingAppend[]): Promise<AppendOutcome[]> => {
    this.groups.push(group.map((pending) => pending.streamId));
    return new Promise((resolve, reject) => {
      this.answers.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer)));
    });
  };

  private answered = 0;

  /** Commits the oldest unanswered group. */
  commit(): void {
    const index = this.answered++;
    this.answers[index](this.groups[index].map((streamId) => ({ ok: true, result: committed(streamId) })));
  }

  /** Fails the oldest unanswered group as a whole. */
  fail(error: Error): void {
    this.answers[this.answered++](error);
  }
}

function committed(streamId: string): AppendResult {
  return { streamId, nextExpectedRevision: 0, positions: [1], deduplicated: false };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommitQueue with a writer that answers later', () => {
  let writer: AnsweredLater;
  let commits: CommittedGroup[];
  let queue: GroupCommitQueue;

  beforeEach(() => {
    writer = new AnsweredLater();
    commits = [];
    queue = new GroupCommitQueue(writer.write, { maxAppends: 100, maxEvents: 100 }, (group) =>
      commits.push(group),
    );
  });

  it('keeps one group in flight and forms the next from the appends that arrive meanwhile', async () => {
    const first = queue.enqueue('a', [testEvent('1')], 'any');
    await turn();
    const later = [queue.enqueue('b', [testEvent('2')], 'any'), queue.enqueue('c', [testEvent('3')], 'any')];
    await turn();
    const last = queue.enqueue('d', [testEvent('4')], 'any');
    await turn();

    expect(writer.groups).toEqual([['a']]);

    writer.commit();
    await first;
    await turn();
    expect(writer.groups).toEqual([['a'], ['b', 'c', 'd']]);
    expect(commits).toEqual([{ appends: 1, events: 1 }]);

    writer.commit();
    await expect(Promise.all([...later, last])).resolves.toHaveLength(3);
    expect(commits).toEqual([
      { appends: 1, events: 1 },
      { appends: 3, events: 3 },
    ]);
  });

  it('resolves nobody before the group has committed', async () => {
    let settled = false;
    void queue.enqueue('a', [testEvent('1')], 'any').then(() => (settled = true));
    await turn();
    await turn();

    expect(settled).toBe(false);
    writer.commit();
    await turn();
    expect(settled).toBe(true);
  });

  it('rejects every caller of a group whose write failed, and writes the next group', async () => {
    const failing = [
      queue.enqueue('a', [testEvent('1')], 'any'),
      queue.enqueue('b', [testEvent('2')], 'any'),
    ];
    await turn();
    const next = queue.enqueue('c', [testEvent('3')], 'any');
    const disk = new Error('disk I/O error');

    writer.fail(disk);

    await expect(Promise.all(failing.map((p) => p.catch((error: unknown) => error)))).resolves.toEqual([
      disk,
      disk,
    ]);
    expect(writer.groups).toEqual([['a', 'b'], ['c']]);
    expect(commits).toEqual([]);
    writer.commit();
    await expect(next).resolves.toEqual(committed('c'));
  });

  it('drains by waiting for the group in flight, then writing everything still queued', async () => {
    const first = queue.enqueue('a', [testEvent('1')], 'any');
    await turn();
    const queued = queue.enqueue('b', [testEvent('2')], 'any');
    let drained = false;
    const draining = queue.drain().then(() => (drained = true));

    await turn();
    expect(drained).toBe(false);
    writer.commit();
    await first;
    await turn();
    expect(writer.groups).toEqual([['a'], ['b']]);
    expect(drained).toBe(false);
    writer.commit();
    await draining;
    await expect(queued).resolves.toEqual(committed('b'));
  });
});
