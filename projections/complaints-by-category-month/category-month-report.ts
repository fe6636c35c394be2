import type { ComplaintMonthsDocument } from './complaint-months.document';

/** One cell of the report: what happened to one category's complaints in one month. */
export interface CategoryMonth {
  readonly category: string;
  readonly month: string;
  readonly opened: number;
  /** Complaints whose final resolution fell in the month. */
  readonly resolved: number;
  /** Reopenings in the month; a complaint reopened twice counts twice. */
  readonly reopened: number;
  /** Mean of final resolution − original opening over `resolved`, rounded to the millisecond; null when none. */
  readonly meanResolutionMs: number | null;
}

interface Tally {
  opened: number;
  resolved: number;
  reopened: number;
  resolutionMs: number;
}

const tallyOf = (complaint: ComplaintMonthsDocument, month: string): Tally => {
  const resolvedInMonth = complaint.resolvedMonth === month;
  return {
    opened: complaint.openedMonth === month ? 1 : 0,
    resolved: resolvedInMonth ? 1 : 0,
    reopened: complaint.reopenedMonths.filter((reopenedIn) => reopenedIn === month).length,
    resolutionMs: resolvedInMonth ? (complaint.resolutionMs ?? 0) : 0,
  };
};

/**
 * Folds complaint documents into one row per category that had any opening, final resolution or
 * reopening in `month` (`YYYY-MM`), sorted by category. Complaints from other months add nothing, so the
 * caller may pass a superset, e.g. the whole range query `openedMonth ≤ month ≤ activeUntilMonth`.
 */
export const categoryMonthReport = (
  complaints: Iterable<ComplaintMonthsDocument>,
  month: string,
): CategoryMonth[] => {
  const tallies = new Map<string, Tally>();
  for (const complaint of complaints) {
    if (complaint.category === null) continue;
    const tally = tallyOf(complaint, month);
    if (tally.opened + tally.resolved + tally.reopened === 0) continue;
    const sum = tallies.get(complaint.category) ?? { opened: 0, resolved: 0, reopened: 0, resolutionMs: 0 };
    tallies.set(complaint.category, {
      opened: sum.opened + tally.opened,
      resolved: sum.resolved + tally.resolved,
      reopened: sum.reopened + tally.reopened,
      resolutionMs: sum.resolutionMs + tally.resolutionMs,
    });
  }
  return [...tallies.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([category, { resolutionMs, ...counts }]) => ({
      category,
      month,
      ...counts,
      meanResolutionMs: counts.resolved === 0 ? null : Math.round(resolutionMs / counts.resolved),
    }));
};
