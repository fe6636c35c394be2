import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { decidedHistory } from './decided-history';

/** Demo data averages ~19.5 events per customer; this many customers leaves a margin before the cut. */
const EVENTS_PER_CUSTOMER_ESTIMATE = 18;
/** Appends in flight at once: the group-commit queue writes them in one transaction, one fsync. */
const APPENDS_PER_GROUP = 10_000;

export interface SeededLog {
  readonly path: string;
  /** Position of the `events`-th event: both phases read up to it. */
  readonly untilPosition: number;
  readonly headPosition: number;
  readonly reused: boolean;
  readonly customers?: number;
  readonly rejected?: number;
  readonly seconds?: number;
}

export interface SeedOptions {
  readonly path: string;
  readonly events: number;
  readonly seed: number;
  readonly onProgress: (appended: number) => void;
}

/**
 * A log holding at least `events` demo events: the file at `path` when it already does, else a fresh one.
 * The demo history is in time order across customers, as the API would have appended it; it is cut after
 * the command that reaches `events`, so the newest weeks of the generated history are left out.
 */
export async function seededLog(options: SeedOptions): Promise<SeededLog> {
  const existing = existsSync(options.path) ? positionsOf(options.path, options.events) : undefined;
  if (existing?.untilPosition !== undefined) {
    return {
      path: options.path,
      reused: true,
      untilPosition: existing.untilPosition,
      headPosition: existing.head,
    };
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(options.path + suffix, { force: true });

  const started = process.hrtime.bigint();
  const customers = Math.ceil(options.events / EVENTS_PER_CUSTOMER_ESTIMATE);
  const rejected = { count: 0 };
  const store = SqliteEventStore.open({
    path: options.path,
    maxGroupAppends: APPENDS_PER_GROUP,
    maxGroupEvents: APPENDS_PER_GROUP * 10,
  });
  let appended = 0;
  try {
    let inFlight: Promise<unknown>[] = [];
    for (const append of decidedHistory({ customers, seed: options.seed }, rejected)) {
      inFlight.push(store.append(append.streamId, append.events, append.expected));
      appended += append.events.length;
      if (inFlight.length >= APPENDS_PER_GROUP || appended >= options.events) {
        await Promise.all(inFlight);
        inFlight = [];
        options.onProgress(appended);
      }
      if (appended >= options.events) break;
    }
    await Promise.all(inFlight);
  } finally {
    await store.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const positions = positionsOf(options.path, options.events);
  if (positions.untilPosition === undefined) {
    throw new Error(
      `the demo history for ${customers} customers ran out at ${appended} events, short of ${options.events}`,
    );
  }
  return {
    path: options.path,
    reused: false,
    untilPosition: positions.untilPosition,
    headPosition: positions.head,
    customers,
    rejected: rejected.count,
    seconds,
  };
}

function positionsOf(path: string, events: number): { head: number; untilPosition?: number } {
  const db = new Database(path, { fileMustExist: true });
  try {
    const head = db.prepare<[], number>('SELECT coalesce(max(position), 0) FROM events').pluck().get() ?? 0;
    const until = db
      .prepare<[number], number>('SELECT position FROM events ORDER BY position LIMIT 1 OFFSET ?')
      .pluck()
      .get(events - 1);
    return until === undefined ? { head } : { head, untilPosition: until };
  } catch {
    return { head: 0 };
  } finally {
    db.close();
  }
}
