import { DAY_IN_MS, qualifyingSpend, toEpochMs, type LoyaltyPolicy, type SpendEntry } from '@crm/domain';

/** The later of two instants (events of one stream may carry back-dated `occurredAt`). */
export const laterInstant = (current: string | null, candidate: string): string =>
  current === null || toEpochMs(candidate) > toEpochMs(current) ? candidate : current;

/**
 * Keeps only the entries that can still count: loyalty currency, `at` after asOf − window.
 * `asOf` never moves backwards, so a pruned entry can never count again.
 */
export const pruneSpend = (
  entries: readonly SpendEntry[],
  asOf: string,
  policy: LoyaltyPolicy,
): SpendEntry[] => {
  const start = toEpochMs(asOf) - policy.qualifyingWindowDays * DAY_IN_MS;
  return entries.filter((entry) => entry.currency === policy.loyaltyCurrency && toEpochMs(entry.at) > start);
};

export interface SpendWindow {
  readonly spend: readonly SpendEntry[];
  readonly qualifyingSpend: number;
}

/** Adds an entry (or none) and re-measures qualifying spend at `asOf` with the domain's rule. */
export const measureSpend = (
  entries: readonly SpendEntry[],
  added: SpendEntry | null,
  asOf: string,
  policy: LoyaltyPolicy,
): SpendWindow => {
  const spend = pruneSpend(added === null ? entries : [...entries, added], asOf, policy);
  return { spend, qualifyingSpend: qualifyingSpend(spend, asOf, policy) };
};
