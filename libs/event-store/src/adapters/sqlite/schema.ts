import type Database from 'better-sqlite3';

const CREATE_EVENTS = `
  CREATE TABLE IF NOT EXISTS events (
    position       INTEGER PRIMARY KEY,
    id             TEXT    NOT NULL UNIQUE,
    stream_id      TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    occurred_at    TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  )`;

/** Sets the pragmas every connection needs and creates the table on first use. */
export function prepareDatabase(db: Database.Database, busyTimeoutMs: number): void {
  // First, so that switching to WAL waits for another process instead of failing.
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    throw new Error(
      `SQLite refused WAL mode (got ${String(mode)}); the event store needs it for concurrent readers`,
    );
  }
  // In WAL mode NORMAL may lose the last commits on power loss: an acknowledged append must survive.
  db.pragma('synchronous = FULL');
  // Each append of a group runs in a savepoint; its statement journal spills to a temp file past 64 KiB,
  // which cost batched appends about 8% of their throughput. Durability rests on the WAL, not on it.
  db.pragma('temp_store = MEMORY');
  db.exec(CREATE_EVENTS);
}
