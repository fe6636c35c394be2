import type Database from 'better-sqlite3';
import type { NewEvent } from '@crm/domain';
import type { AppendResult } from '../../event-store';
import { PartialDuplicateAppendError, WrongExpectedRevisionError } from '../../errors';
import { satisfiesExpectedRevision } from './expected-revision';
import type { AppendOutcome, AppendRequest } from './pending-append';

interface StoredId {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
}

type InsertRow = [string, string, number, string, number, string, string, string, string];

/**
 * Writes one group of appends in one IMMEDIATE transaction, each append in its own savepoint, in arrival
 * order, so a failing append rejects only its caller. Ids are inserted optimistically: the UNIQUE(id)
 * violation, not a lookup, is what sends a retried append to the deduplication path.
 */
export class SqliteAppendWriter {
  private readonly insert: Database.Statement<InsertRow>;
  private readonly lastRevision: Database.Statement<[string], number | null>;
  private readonly storedId: Database.Statement<[string], StoredId>;
  private readonly writeGroup: Database.Transaction<
    (group: readonly AppendRequest[], recordedAt: string) => AppendOutcome[]
  >;
  private readonly insertEvents: Database.Transaction<
    (streamId: string, current: number, events: readonly NewEvent[], recordedAt: string) => number[]
  >;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare<InsertRow>(
      `INSERT INTO events (id, stream_id, revision, type, schema_version, occurred_at, recorded_at, data, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.lastRevision = db
      .prepare<[string], number | null>('SELECT max(revision) FROM events WHERE stream_id = ?')
      .pluck();
    this.storedId = db.prepare<[string], StoredId>(
      'SELECT stream_id AS streamId, revision, position FROM events WHERE id = ?',
    );
    this.writeGroup = db.transaction((group, recordedAt) => this.applyGroup(group, recordedAt));
    // Called inside writeGroup, so better-sqlite3 runs it as a SAVEPOINT and rolls back only this append.
    this.insertEvents = db.transaction((streamId, current, events, recordedAt) =>
      this.insertAll(streamId, current, events, recordedAt),
    );
  }

  /** `recordedAt` stamps every event of the group: its sender reads the clock once per group. */
  write(group: readonly AppendRequest[], recordedAt: string): AppendOutcome[] {
    return this.writeGroup.immediate(group, recordedAt);
  }

  private applyGroup(group: readonly AppendRequest[], recordedAt: string): AppendOutcome[] {
    // Saves re-reading the revision of a stream that several appends in this group target; the write
    // lock keeps it valid until commit.
    const revisions = new Map<string, number>();
    const outcomes: AppendOutcome[] = new Array<AppendOutcome>(group.length);
    for (let i = 0; i < group.length; i++) {
      try {
        outcomes[i] = { ok: true, result: this.applyOne(group[i], revisions, recordedAt) };
      } catch (error) {
        // Disk full or I/O errors abort the whole transaction: then every caller in the group must fail.
        if (!this.db.inTransaction) throw error;
        outcomes[i] = { ok: false, error };
      }
    }
    return outcomes;
  }

  private applyOne(pending: AppendRequest, revisions: Map<string, number>, recordedAt: string): AppendResult {
    const { streamId, events, expected } = pending;
    const current = revisions.get(streamId) ?? this.lastRevision.get(streamId) ?? -1;
    if (!satisfiesExpectedRevision(expected, current)) {
      // A retry of an append that already succeeded is answered with its original result.
      const original = this.findOriginal(streamId, events);
      if (original) return original;
      throw new WrongExpectedRevisionError(streamId, expected, current);
    }
    let positions: number[];
    try {
      positions = this.insertEvents(streamId, current, events, recordedAt);
    } catch (error) {
      if (!isDuplicateEventId(error)) throw error;
      const original = this.findOriginal(streamId, events);
      if (original) return original;
      throw new RangeError(`Append to ${streamId} repeats an event id within itself`);
    }
    const next = current + events.length;
    revisions.set(streamId, next);
    return { streamId, nextExpectedRevision: next, positions, deduplicated: false };
  }

  private insertAll(
    streamId: string,
    current: number,
    events: readonly NewEvent[],
    recordedAt: string,
  ): number[] {
    const positions = new Array<number>(events.length);
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      const info = this.insert.run(
        event.id,
        streamId,
        current + 1 + i,
        event.type,
        event.schemaVersion,
        event.occurredAt,
        recordedAt,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      );
      positions[i] = Number(info.lastInsertRowid);
    }
    return positions;
  }

  /** The original result when every id is stored in this stream in this order; undefined when none is. */
  private findOriginal(streamId: string, events: readonly NewEvent[]): AppendResult | undefined {
    const stored = events.map((event) => this.storedId.get(event.id));
    const duplicateIds = events.filter((_, i) => stored[i] !== undefined).map((event) => event.id);
    if (duplicateIds.length === 0) return undefined;
    const first = stored[0];
    const isOriginal =
      first !== undefined &&
      duplicateIds.length === events.length &&
      stored.every((row, i) => row?.streamId === streamId && row.revision === first.revision + i);
    if (!isOriginal) throw new PartialDuplicateAppendError(streamId, duplicateIds);
    return {
      streamId,
      nextExpectedRevision: first.revision + events.length - 1,
      positions: stored.map((row) => row!.position),
      deduplicated: true,
    };
  }
}

// Checked by shape, not `instanceof`: the native addon keeps the SqliteError class of the first module
// instance that loaded it, which is foreign to any later module registry or realm (jest, bundlers).
function isDuplicateEventId(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.id');
}
