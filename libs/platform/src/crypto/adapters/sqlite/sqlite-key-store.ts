import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { DataKeyRecord, KeyStore, WrappedDataKey } from '../../key-store';

interface KeyRow {
  readonly subject_id: string;
  readonly master_key_id: string | null;
  readonly wrapped: string | null;
  readonly created_at: string;
  readonly destroyed_at: string | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS data_keys (
    subject_id    TEXT PRIMARY KEY,
    master_key_id TEXT,
    wrapped       TEXT,
    created_at    TEXT NOT NULL,
    destroyed_at  TEXT
  )`;

/**
 * The embedded key store: one SQLite file (`keys.db`), apart from the event log so that the log's backups
 * never hold a key. `secure_delete` overwrites a destroyed key's bytes; the WAL is truncated after each
 * destruction so no older page image keeps it.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly findRow: Database.Statement<[string], KeyRow>;
  private readonly insert: Database.Statement<[string, string, string, string]>;
  private readonly tombstone: Database.Statement<{ subject: string; at: string }>;
  private readonly swap: Database.Statement<[string, string, string, string]>;
  private readonly active: Database.Statement<[string, number], KeyRow>;

  static open(path: string): SqliteKeyStore {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    try {
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('secure_delete = ON');
      db.exec(SCHEMA);
      return new SqliteKeyStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private constructor(private readonly db: Database.Database) {
    this.findRow = db.prepare('SELECT * FROM data_keys WHERE subject_id = ?');
    this.insert = db.prepare(
      `INSERT INTO data_keys (subject_id, master_key_id, wrapped, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (subject_id) DO NOTHING`,
    );
    this.tombstone = db.prepare(
      `INSERT INTO data_keys (subject_id, master_key_id, wrapped, created_at, destroyed_at)
       VALUES (@subject, NULL, NULL, @at, @at)
       ON CONFLICT (subject_id) DO UPDATE SET master_key_id = NULL, wrapped = NULL,
         destroyed_at = coalesce(destroyed_at, excluded.destroyed_at)`,
    );
    this.swap = db.prepare(
      `UPDATE data_keys SET master_key_id = ?, wrapped = ?
        WHERE subject_id = ? AND master_key_id = ? AND destroyed_at IS NULL`,
    );
    this.active = db.prepare(
      `SELECT * FROM data_keys WHERE subject_id > ? AND destroyed_at IS NULL ORDER BY subject_id LIMIT ?`,
    );
  }

  async find(subjectId: string): Promise<DataKeyRecord | undefined> {
    const row = this.findRow.get(subjectId);
    return row === undefined ? undefined : recordOf(row);
  }

  async create(key: WrappedDataKey): Promise<DataKeyRecord> {
    this.insert.run(key.subjectId, key.masterKeyId, key.wrapped, key.createdAt);
    return recordOf(this.findRow.get(key.subjectId) as KeyRow);
  }

  async destroy(subjectId: string, destroyedAt: string): Promise<void> {
    this.tombstone.run({ subject: subjectId, at: destroyedAt });
    this.truncateWal();
  }

  async listActive(afterSubjectId: string, limit: number): Promise<WrappedDataKey[]> {
    return this.active.all(afterSubjectId, limit).map((row) => recordOf(row) as WrappedDataKey);
  }

  async rewrap(key: WrappedDataKey, fromMasterKeyId: string): Promise<boolean> {
    return this.swap.run(key.masterKeyId, key.wrapped, key.subjectId, fromMasterKeyId).changes === 1;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** Copies the WAL into the database and empties it; retried while another connection still reads. */
  private truncateWal(): void {
    for (let attempt = 0; attempt < 50; attempt++) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (result.busy === 0) return;
    }
    throw new Error(
      'keys.db: the WAL could not be truncated after destroying a data key (readers kept it busy)',
    );
  }
}

const recordOf = (row: KeyRow): DataKeyRecord =>
  row.destroyed_at !== null
    ? { state: 'destroyed', subjectId: row.subject_id, destroyedAt: row.destroyed_at }
    : {
        state: 'active',
        subjectId: row.subject_id,
        masterKeyId: row.master_key_id as string,
        wrapped: row.wrapped as string,
        createdAt: row.created_at,
      };
