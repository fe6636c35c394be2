/** Stands in for "no final resolution yet" so that one range query finds every complaint active in a month. */
export const STILL_OPEN_MONTH = '9999-12';

/**
 * One complaint, as far as the monthly report needs it. Only `Complained` carries the category, and an
 * event updates exactly one document, so the complaint (not the category × month cell) is the document;
 * `categoryMonthReport` folds complaints into cells at query time.
 */
export interface ComplaintMonthsDocument {
  readonly [key: string]: unknown;
  readonly customerId: string;
  readonly complaintId: string;
  /** Null only when a resolution or reopening arrives for a complaint whose opening was never seen. */
  readonly category: string | null;
  readonly openedAt: string | null;
  /** `YYYY-MM`, UTC, like every month below. */
  readonly openedMonth: string | null;
  /** The final resolution: cleared by a reopening, so a reopened complaint counts once, when it is settled. */
  readonly resolvedAt: string | null;
  readonly resolvedMonth: string | null;
  /** Final resolution − original opening (RULES §Service), in milliseconds. */
  readonly resolutionMs: number | null;
  /** One entry per reopening. */
  readonly reopenedMonths: readonly string[];
  /** The last month an event of this complaint can fall in: `resolvedMonth`, or `STILL_OPEN_MONTH`. */
  readonly activeUntilMonth: string;
  /** Global position of the last event applied; redeliveries at or below it change nothing. */
  readonly lastPosition: number;
}

/** The document id is `<customerId>:<complaintId>`: complaint ids are unique per customer only. */
export const emptyComplaintMonths = (id: string): ComplaintMonthsDocument => {
  const separator = id.indexOf(':');
  return {
    customerId: id.slice(0, separator),
    complaintId: id.slice(separator + 1),
    category: null,
    openedAt: null,
    openedMonth: null,
    resolvedAt: null,
    resolvedMonth: null,
    resolutionMs: null,
    reopenedMonths: [],
    activeUntilMonth: STILL_OPEN_MONTH,
    lastPosition: 0,
  };
};
