import Database from 'better-sqlite3';
import type { NewEvent } from '@crm/domain';
import type { Page, Subject } from './subject';

/**
 * The raw baseline: the adapter's table and indexes, written and read with plain prepared
 * better-sqlite3 statements and nothing else — no expected-revision lookup, no deduplication, no
 * group commit, no envelope objects. Same pragmas as the adapter: WAL + synchronous=FULL.
 *
 * Keep EVENTS_DDL identical to libs/event-store/src/adapters/sqlite/schema.ts; main.ts compares the
 * two databases' sqlite_master after the run and prints a warning if they ever drift apart.
 */
export const EVENTS_DDL = `
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

const COLUMNS =
  'position, id, stream_id, revision, type, schema_version, occurred_at, recorded_at, data, metadata';

type InsertRow = [string, string, number, string, number, string, string, string, string];
type Row = [number, string, string, number, string, number, string, string, string, string];

export class RawSqliteSubject implements Subject {
  readonly name = 'raw better-sqlite3';
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<InsertRow>;
  private readonly selectAfter: Database.Statement<[number, number], Row>;
  private readonly selectStream: Database.Statement<[string], Row>;
  private readonly insertMany: Database.Transaction<
    (streamId: string, events: readonly NewEvent[], expected: number) => void
  >;
  private readonly insertOne: Database.Transaction<
    (streamId: string, event: NewEvent, expected: number) => void
  >;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(EVENTS_DDL);
    this.insert = this.db.prepare<InsertRow>(
      `INSERT INTO events (id, stream_id, revision, type, schema_version, occurred_at, recorded_at, data, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectAfter = this.db
      .prepare<
        [number, number],
        Row
      >(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw();
    this.selectStream = this.db
      .prepare<[string], Row>(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? ORDER BY revision`)
      .raw();
    const insertEvent = (streamId: string, event: NewEvent, revision: number, recordedAt: string): void => {
      this.insert.run(
        event.id,
        streamId,
        revision,
        event.type,
        event.schemaVersion,
        event.occurredAt,
        recordedAt,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      );
    };
    this.insertMany = this.db.transaction((streamId, events, expected) => {
      const recordedAt = new Date().toISOString();
      for (let i = 0; i < events.length; i++)
        insertEvent(streamId, events[i] as NewEvent, expected + 1 + i, recordedAt);
    });
    this.insertOne = this.db.transaction((streamId, event, expected) => {
      insertEvent(streamId, event, expected + 1, new Date().toISOString());
    });
  }

  /** (a) 1,000 rows per transaction. */
  appendBatch(streamId: string, events: readonly NewEvent[], expected: number): void {
    this.insertMany.immediate(streamId, events, expected);
  }

  /** (b) one transaction (one fsync) per event; better-sqlite3 is synchronous, so callers take turns. */
  appendSingle(streamId: string, event: NewEvent, expected: number): void {
    this.insertOne.immediate(streamId, event, expected);
  }

  /** (c) SELECT a page of the log and JSON.parse data and metadata. */
  readAllPage(after: number, limit: number): Page {
    const rows = this.selectAfter.all(after, limit);
    let parsed = 0;
    for (const row of rows) {
      JSON.parse(row[8]);
      JSON.parse(row[9]);
      parsed++;
    }
    const last = rows[rows.length - 1];
    return { count: parsed, lastPosition: last === undefined ? after : last[0] };
  }

  /** (d) SELECT one stream and JSON.parse data and metadata. */
  readStream(streamId: string): number {
    let parsed = 0;
    for (const row of this.selectStream.all(streamId)) {
      JSON.parse(row[8]);
      JSON.parse(row[9]);
      parsed++;
    }
    return parsed;
  }

  sqliteVersion(): string {
    return this.db.prepare<[], string>('SELECT sqlite_version()').pluck().get() ?? '?';
  }

  close(): void {
    this.db.close();
  }
}
