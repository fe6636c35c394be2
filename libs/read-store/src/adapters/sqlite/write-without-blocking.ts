import type Database from 'better-sqlite3';

const MAX_PAUSE_MS = 20;

// By code, not `instanceof SqliteError`: the native addon keeps the class of the first module instance that
// loaded it, which is not this one under a test runner's per-file module registry.
const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
};

/**
 * Runs `work` (a statement or a transaction that writes) while another connection may hold the write lock,
 * without letting SQLite's busy handler sleep on this thread: that thread is an event loop (the API's),
 * and each sleep stalled every request in flight. The write is tried with no busy timeout and, while the
 * database is busy, tried again after a timer (1, 2, 4 … 20 ms), until `budgetMs` has passed; then the
 * SQLITE_BUSY error is thrown. A transaction refused this way was rolled back whole, so it is retried whole.
 */
export async function writeWithoutBlocking<T>(
  db: Database.Database,
  budgetMs: number,
  work: () => T,
): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    db.pragma('busy_timeout = 0');
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
    } finally {
      db.pragma(`busy_timeout = ${budgetMs}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(2 ** attempt, MAX_PAUSE_MS)));
  }
}
