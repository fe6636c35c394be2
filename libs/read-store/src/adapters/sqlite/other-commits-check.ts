/** Commits made through any SqliteReadStore connection of this thread, all files alike. */
let commitsInThisThread = 0;

export function noteCommitInThisThread(): void {
  commitsInThisThread++;
}

/**
 * When a connection must look again for other connections' commits (`PRAGMA data_version`): once per
 * event-loop turn, and again after any commit made from this thread. Reading the version opens a read
 * transaction (three `fcntl` locks), the largest cost of a cached `getJson` (bench/http). Another thread's
 * or process's commit is seen from the next turn: a caller can only learn of it by a message, a timer or
 * a socket read, each of which starts a new turn. Commits from this thread are seen at once.
 */
export class OtherCommitsCheck {
  private checkedAt: number | undefined;

  due(): boolean {
    if (this.checkedAt === commitsInThisThread) return false;
    if (this.checkedAt === undefined) setImmediate(() => (this.checkedAt = undefined));
    this.checkedAt = commitsInThisThread;
    return true;
  }
}
