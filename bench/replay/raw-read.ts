import Database from 'better-sqlite3';
import { PeakRss } from './peak-rss';
import type { PhaseRequest, PhaseResult } from './phase-protocol';

type Row = [number, string, string, number, string, number, string, string, string, string];

const COLUMNS =
  'position, id, stream_id, revision, type, schema_version, occurred_at, recorded_at, data, metadata';

/**
 * The floor under any rebuild: the log read with a plain prepared statement in pages, data and metadata
 * `JSON.parse`d, nothing else (as `bench/event-store/raw-sqlite.ts` readAllPage).
 */
export async function rawRead(
  request: Extract<PhaseRequest, { phase: 'raw-read' }>,
  progress: (events: number) => void,
): Promise<PhaseResult> {
  const db = new Database(request.eventsPath, { fileMustExist: true });
  const page = db
    .prepare<
      [number, number, number],
      Row
    >(`SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`)
    .raw();
  const rss = new PeakRss();
  const startRssBytes = process.memoryUsage.rss();
  const started = process.hrtime.bigint();
  let events = 0;
  let after = 0;
  while (after < request.untilPosition) {
    const rows = page.all(after, request.untilPosition, request.pageSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      JSON.parse(row[8]);
      JSON.parse(row[9]);
    }
    events += rows.length;
    after = rows[rows.length - 1][0];
    rss.sample();
    progress(events);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = rss.stop();
  db.close();
  return {
    events,
    seconds,
    startRssBytes,
    maxRssBytes: peak.maxRssBytes,
    sampledPeakRssBytes: peak.sampledPeakBytes,
    notes: [],
  };
}
