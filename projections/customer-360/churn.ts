import { DAY_IN_MS, toEpochMs } from '@crm/domain';
import type { ChurnReason, ChurnView, ComplaintView, Customer360 } from './customer-360.document';

/** RULES.md, Churn; the defaults there. A complaint's own `slaHours` is its SLA. */
export interface ChurnPolicy {
  readonly minPurchases: number;
  readonly gapMultiplier: number;
  readonly minQuietDays: number;
}

export const DEFAULT_CHURN_POLICY: ChurnPolicy = { minPurchases: 2, gapMultiplier: 2, minQuietDays: 60 };

const HOUR_IN_MS = 60 * 60 * 1000;

/** The median of a list of numbers; the mean of the two middle values for an even count. */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Gaps in ms between consecutive instants of an ascending list; each instant is parsed once. */
export const consecutiveGapsMs = (times: readonly string[]): number[] => {
  const gaps: number[] = [];
  let previous = times.length === 0 ? 0 : toEpochMs(times[0]);
  for (let i = 1; i < times.length; i++) {
    const current = toEpochMs(times[i]);
    gaps.push(current - previous);
    previous = current;
  }
  return gaps;
};

/** Open longer than its SLA at `asOfMs`, counted from the original opening (also after a reopening). */
const isOverSla = (complaint: ComplaintView, asOfMs: number): boolean =>
  asOfMs - toEpochMs(complaint.openedAt) > complaint.slaHours * HOUR_IN_MS;

/**
 * churnRisk at `asOf`: ≥ minPurchases purchases and strictly longer than
 * max(gapMultiplier × median gap, minQuietDays) since the last purchase, or a complaint open longer than its SLA.
 */
export const evaluateChurn = (
  doc: Customer360,
  asOf: string | null,
  policy: ChurnPolicy = DEFAULT_CHURN_POLICY,
): ChurnView => {
  if (asOf === null) {
    return { ...doc.churn, risk: false, reasons: [], evaluatedAt: null };
  }
  const asOfMs = toEpochMs(asOf);
  const { times, lastAt } = doc.purchases;
  const medianGapMs = times.length >= 2 ? median(consecutiveGapsMs(times)) : null;
  const gapThresholdMs =
    medianGapMs === null
      ? null
      : Math.max(policy.gapMultiplier * medianGapMs, policy.minQuietDays * DAY_IN_MS);
  const msSinceLastPurchase = lastAt === null ? null : asOfMs - toEpochMs(lastAt);
  const quietTooLong =
    times.length >= policy.minPurchases &&
    gapThresholdMs !== null &&
    msSinceLastPurchase !== null &&
    msSinceLastPurchase > gapThresholdMs;
  const complaintsOverSla = doc.complaints.open
    .filter((complaint) => isOverSla(complaint, asOfMs))
    .map((complaint) => complaint.complaintId);
  const reasons: ChurnReason[] = [
    ...(quietTooLong ? (['purchase_gap'] as const) : []),
    ...(complaintsOverSla.length > 0 ? (['complaint_over_sla'] as const) : []),
  ];
  return {
    risk: reasons.length > 0,
    reasons,
    evaluatedAt: asOf,
    medianGapMs,
    gapThresholdMs,
    msSinceLastPurchase,
    complaintsOverSla,
  };
};
