import type Database from 'better-sqlite3';

/** Durable on commit (WAL, synchronous=FULL) and shared by processes, which wait on each other's writes. */
export function prepareBusDatabase(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`SQLite refused WAL journal mode (got ${String(mode)})`);
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS topics (
      name TEXT PRIMARY KEY,
      partitions INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE IF NOT EXISTS messages (
      topic TEXT NOT NULL,
      partition_no INTEGER NOT NULL,
      message_offset INTEGER NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      headers TEXT NOT NULL,
      PRIMARY KEY (topic, partition_no, message_offset)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS group_offsets (
      group_id TEXT NOT NULL,
      topic TEXT NOT NULL,
      partition_no INTEGER NOT NULL,
      next_offset INTEGER NOT NULL,
      PRIMARY KEY (group_id, topic, partition_no)
    ) STRICT, WITHOUT ROWID;
  `);
}
