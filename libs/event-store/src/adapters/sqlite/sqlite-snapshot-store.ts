import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Snapshot, SnapshotStore } from '../../snapshot-store';

const CREATE_SNAPSHOTS = `
  CREATE TABLE IF NOT EXISTS snapshots (
    stream_id TEXT    PRIMARY KEY,
    revision  INTEGER NOT NULL,
    event_id  TEXT    NOT NULL,
    version   TEXT    NOT NULL,
    state     BLOB    NOT NULL,
    plain     BLOB    NOT NULL DEFAULT x''
  )`;

/** Files written before snapshots had a plain part: their rows are of an older state version anyway. */
const ADD_PLAIN = "ALTER TABLE snapshots ADD COLUMN plain BLOB NOT NULL DEFAULT x''";

// The upsert keeps a newer snapshot of the same version: two processes may fold the same stream.
const SAVE = `
  INSERT INTO snapshots (stream_id, revision, event_id, version, state, plain) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (stream_id) DO UPDATE
  SET revision = excluded.revision, event_id = excluded.event_id, version = excluded.version,
      state = excluded.state, plain = excluded.plain
  WHERE snapshots.version <> excluded.version OR snapshots.revision < excluded.revision`;

interface SnapshotRow {
  readonly revision: number;
  readonly event_id: string;
  readonly state: Buffer;
  readonly plain: Buffer;
}

/**
 * Snapshots in their own SQLite file beside the event store's (`snapshots.db`), so that writing one never
 * waits for the event store's write lock. Not fsynced on every write (`synchronous = NORMAL`): a snapshot
 * lost in a power cut is folded again from the events. Freed pages are zeroed (`secure_delete`).
 */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly loadRow: Database.Statement<[string, string], SnapshotRow>;
  private readonly saveRow: Database.Statement<[string, number, string, string, Buffer, Buffer]>;
  private readonly deleteRow: Database.Statement<[string]>;

  private constructor(private readonly db: Database.Database) {
    this.loadRow = db.prepare(
      'SELECT revision, event_id, state, plain FROM snapshots WHERE stream_id = ? AND version = ?',
    );
    this.saveRow = db.prepare(SAVE);
    this.deleteRow = db.prepare('DELETE FROM snapshots WHERE stream_id = ?');
  }

  static open({ path }: { readonly path: string }): SqliteSnapshotStore {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    try {
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('secure_delete = ON');
      db.exec(CREATE_SNAPSHOTS);
      const columns = db.pragma('table_info(snapshots)') as { name: string }[];
      if (!columns.some((column) => column.name === 'plain')) db.exec(ADD_PLAIN);
      return new SqliteSnapshotStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async load(streamId: string, version: string): Promise<Snapshot | undefined> {
    const row = this.loadRow.get(streamId, version);
    return (
      row && {
        streamId,
        version,
        revision: row.revision,
        eventId: row.event_id,
        state: row.state,
        plain: row.plain,
      }
    );
  }

  async save(snapshot: Snapshot): Promise<void> {
    const { streamId, revision, eventId, version, state, plain } = snapshot;
    this.saveRow.run(streamId, revision, eventId, version, state, plain);
  }

  async delete(streamId: string): Promise<void> {
    this.deleteRow.run(streamId);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
