import type Database from 'better-sqlite3';
import type { StreamCursor } from '../../event-store';
import { EVENT_COLUMNS, type EventRow } from './event-row';

/**
 * The log up to a position, stream by stream (streams in id order, each in revision order): both statements
 * walk the UNIQUE (stream_id, revision) index. Shared by the reader and the read-ahead worker, so that both
 * read the same pages.
 */
export class StreamOrderQuery {
  private readonly first: Database.Statement<[number, number], EventRow>;
  private readonly next: Database.Statement<[string, number, number, number], EventRow>;

  constructor(db: Database.Database) {
    this.first = db
      .prepare<
        [number, number],
        EventRow
      >(`SELECT ${EVENT_COLUMNS} FROM events WHERE position <= ? ORDER BY stream_id, revision LIMIT ?`)
      .raw();
    this.next = db
      .prepare<[string, number, number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE (stream_id, revision) > (?, ?) AND position <= ?
          ORDER BY stream_id, revision LIMIT ?`,
      )
      .raw();
  }

  /** At most `limit` rows at or below `until`, after `after` (from the first stream when absent). */
  page(until: number, after: StreamCursor | undefined, limit: number): EventRow[] {
    return after === undefined
      ? this.first.all(until, limit)
      : this.next.all(after.streamId, after.revision, until, limit);
  }
}

/** Where the read goes on after `rows`, the last page read. */
export const cursorAfter = (rows: readonly EventRow[]): StreamCursor | undefined =>
  rows.length === 0 ? undefined : { streamId: rows[rows.length - 1][2], revision: rows[rows.length - 1][3] };
