import type Database from 'better-sqlite3';
import type { EventEnvelope } from '@crm/domain';
import type { ReadByStreamOptions, ReadStreamOptions } from '../../event-store';
import { EVENT_COLUMNS, type EventRow, toEnvelope } from './event-row';

/** The read side: prepared once, one `.all()` per call. */
export class SqliteEventReader {
  private readonly afterPosition: Database.Statement<[number, number], EventRow>;
  private readonly streamRange: Database.Statement<[string, number, number], EventRow>;
  private readonly maxPosition: Database.Statement<[], number>;
  private readonly firstStreams: Database.Statement<[number, number], EventRow>;
  private readonly nextStreams: Database.Statement<[string, number, number, number], EventRow>;

  constructor(db: Database.Database) {
    this.afterPosition = db
      .prepare<
        [number, number],
        EventRow
      >(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw();
    this.streamRange = db
      .prepare<
        [string, number, number],
        EventRow
      >(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision BETWEEN ? AND ? ORDER BY revision`)
      .raw();
    this.maxPosition = db.prepare<[], number>('SELECT coalesce(max(position), 0) FROM events').pluck();
    // Both walk the UNIQUE (stream_id, revision) index.
    this.firstStreams = db
      .prepare<
        [number, number],
        EventRow
      >(`SELECT ${EVENT_COLUMNS} FROM events WHERE position <= ? ORDER BY stream_id, revision LIMIT ?`)
      .raw();
    this.nextStreams = db
      .prepare<[string, number, number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE (stream_id, revision) > (?, ?) AND position <= ?
          ORDER BY stream_id, revision LIMIT ?`,
      )
      .raw();
  }

  readAll(after: number, limit: number): EventEnvelope[] {
    return this.afterPosition.all(after, limit).map(toEnvelope);
  }

  readAllByStream(options: ReadByStreamOptions): EventEnvelope[] {
    const { until, after, limit } = options;
    const rows =
      after === undefined
        ? this.firstStreams.all(until, limit)
        : this.nextStreams.all(after.streamId, after.revision, until, limit);
    return rows.map(toEnvelope);
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

  headPosition(): number {
    return this.maxPosition.get() ?? 0;
  }
}
