import type Database from 'better-sqlite3';
import type { EventEnvelope } from '@crm/domain';
import type { ReadByStreamOptions, ReadStreamOptions } from '../../event-store';
import { EVENT_COLUMNS, type EventRow, toEnvelope } from './event-row';
import { StreamOrderQuery } from './stream-order-query';

/** The read side: prepared once, one `.all()` per call. */
export class SqliteEventReader {
  private readonly afterPosition: Database.Statement<[number, number], EventRow>;
  private readonly ofTypesBetween: Database.Statement<[number, number, string, number], EventRow>;
  private readonly streamRange: Database.Statement<[string, number, number], EventRow>;
  private readonly maxPosition: Database.Statement<[], number>;
  private readonly byId: Database.Statement<[string], EventRow>;
  private readonly byStream: StreamOrderQuery;

  constructor(db: Database.Database) {
    this.afterPosition = db
      .prepare<
        [number, number],
        EventRow
      >(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw();
    this.ofTypesBetween = db
      .prepare<[number, number, string, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events
          WHERE position > ? AND position <= ? AND type IN (SELECT value FROM json_each(?))
          ORDER BY position LIMIT ?`,
      )
      .raw();
    this.streamRange = db
      .prepare<
        [string, number, number],
        EventRow
      >(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision BETWEEN ? AND ? ORDER BY revision`)
      .raw();
    this.byId = db.prepare<[string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`).raw();
    this.maxPosition = db.prepare<[], number>('SELECT coalesce(max(position), 0) FROM events').pluck();
    this.byStream = new StreamOrderQuery(db);
  }

  readAll(after: number, limit: number): EventEnvelope[] {
    return this.afterPosition.all(after, limit).map(toEnvelope);
  }

  /** Events of `types` with a position in (after, until], at most `limit`. */
  readOfTypes(after: number, until: number, types: readonly string[], limit: number): EventEnvelope[] {
    return this.ofTypesBetween.all(after, until, JSON.stringify(types), limit).map(toEnvelope);
  }

  readAllByStream(options: ReadByStreamOptions): EventEnvelope[] {
    return this.byStream.page(options.until, options.after, options.limit).map(toEnvelope);
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): EventEnvelope[] {
    const from = options.fromRevision ?? 0;
    const to = options.toRevision ?? Number.MAX_SAFE_INTEGER;
    const events = this.streamRange.all(streamId, from, to).map(toEnvelope);
    if (options.until === undefined) return events;
    // Compared as instants, not strings: occurredAt comes from callers and may use any ISO offset.
    const until = Date.parse(options.until);
    if (Number.isNaN(until)) throw new RangeError(`readStream until is not an ISO instant: ${options.until}`);
    return events.filter((event) => Date.parse(event.occurredAt) <= until);
  }

  readEventById(eventId: string): EventEnvelope | undefined {
    const row = this.byId.get(eventId);
    return row === undefined ? undefined : toEnvelope(row);
  }

  headPosition(): number {
    return this.maxPosition.get() ?? 0;
  }
}
