import { DAY_IN_MS, DEFAULT_OPPORTUNITY_POLICY, toEpochMs, type OpportunityPolicy } from '@crm/domain';
import { roundedQuotient } from './decimal-rounding';

export type KpiUnit = 'ratio' | 'hours' | 'days' | 'NPS points' | `${string} minor units`;

/** One KPI value: `records` is how many facts (complaints, deals, customers…) stand behind it. */
export interface Kpi {
  readonly key: string;
  /** Null when the denominator (or the population) is empty. */
  readonly value: number | null;
  readonly unit: KpiUnit;
  readonly definition: string;
  readonly records: number;
}

/** A reporting period (from, to], as epoch milliseconds: a fact at `to` counts, one at `from` does not. */
export interface Period {
  readonly fromMs: number;
  readonly toMs: number;
}

/** Windows and factors of RULES.md, all configurable. */
export interface KpiPolicy {
  readonly leadConversionDays: number;
  readonly clickAttributionDays: number;
  readonly surveyWindowDays: number;
  readonly churnInactivityDays: number;
  readonly clvMarginPercent: number;
  readonly clvLifespanYears: number;
  readonly clvPercentiles: readonly number[];
  readonly opportunities: OpportunityPolicy;
}

export const DEFAULT_KPI_POLICY: KpiPolicy = {
  leadConversionDays: 90,
  clickAttributionDays: 7,
  surveyWindowDays: 90,
  churnInactivityDays: 365,
  clvMarginPercent: 30,
  clvLifespanYears: 3,
  clvPercentiles: [25, 50, 75, 90],
  opportunities: DEFAULT_OPPORTUNITY_POLICY,
};

export const PRIMARY_CURRENCY = 'TRY';
export const HOUR_IN_MS = 60 * 60 * 1000;
export { DAY_IN_MS };

export const periodOf = (from: string, to: string): Period => ({
  fromMs: toEpochMs(from),
  toMs: toEpochMs(to),
});

export const within = (at: string | null, period: Period): boolean =>
  at !== null && toEpochMs(at) > period.fromMs && toEpochMs(at) <= period.toMs;

export const atOrBefore = (at: string | null, ms: number): at is string => at !== null && toEpochMs(at) <= ms;

/** Ratios keep four decimals; durations two; a decimal half is rounded up (away from zero). */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : roundedQuotient(numerator, denominator, 4);

/** Durations are whole milliseconds, so the mean is Σ ÷ (count × unit), rounded exactly. */
export const meanOfTotal = (totalMs: number, count: number, unitMs: number): number | null =>
  count === 0 ? null : roundedQuotient(totalMs, count * unitMs, 2);

export const meanOf = (values: readonly number[], unitMs: number): number | null =>
  meanOfTotal(
    values.reduce((sum, value) => sum + value, 0),
    values.length,
    unitMs,
  );

export const medianOf = (values: readonly number[], unitMs: number): number | null => {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  // An even count's median is (a + b) ÷ 2: kept as a quotient so that no float half is rounded.
  return sorted.length % 2 === 1
    ? roundedQuotient(sorted[middle], unitMs, 2)
    : roundedQuotient(sorted[middle - 1] + sorted[middle], 2 * unitMs, 2);
};

export const between = (from: string, to: string): number => toEpochMs(to) - toEpochMs(from);
