import type { EventSource } from './event-source';

/**
 * At most this many events are read to count a lag: a figure at the cap means "at least this many". One
 * page of an ordinary catch-up, cheap enough for a status or a metrics scrape while something is behind.
 */
export const LAG_COUNT_CAP = 1_000;

export interface EventCount {
  /** Events with a position in (after, through], up to the cap. */
  readonly count: number;
  /** True when the read stopped at the cap before `through`: there are at least `count` events. */
  readonly capped: boolean;
}

/**
 * How many events lie after `after` and at or before `through`, counted by reading them (at most `cap`).
 * A difference of positions is no count: EventStoreDB's positions are byte offsets in its log, hundreds
 * apart and interleaved with system events (docs/adr/0003-esdb-global-position.md); only SQLite's happen
 * to be dense. Nothing is read when `through <= after`, so a caught-up consumer costs nothing.
 */
export async function countEvents(
  source: Pick<EventSource, 'readAll'>,
  after: number,
  through: number,
  cap: number = LAG_COUNT_CAP,
): Promise<EventCount> {
  if (through <= after || cap <= 0) return { count: 0, capped: false };
  const events = await source.readAll({ after, limit: cap });
  let count = 0;
  while (count < events.length && events[count]!.position <= through) count += 1;
  const capped = events.length === cap && count === cap && events[cap - 1]!.position < through;
  return { count, capped };
}
