import { DAY_IN_MS, toEpochMs, type LoyaltyPolicy, type SpendEntry } from '@crm/domain';

/** The later of two instants (events of one stream may carry back-dated `occurredAt`). */
export const laterInstant = (current: string | null, candidate: string): string =>
  current === null || toEpochMs(candidate) > toEpochMs(current) ? candidate : current;

export interface SpendWindow {
  readonly spend: readonly SpendEntry[];
  readonly qualifyingSpend: number;
}

/**
 * Adds an entry (or none), keeps only the entries that can still count (loyalty currency, `at` after
 * asOf − window: `asOf` never moves backwards, so a dropped entry can never count again), and measures
 * qualifying spend at `asOf` by the domain's rule (`qualifyingSpend`; the spec holds the two equal).
 * Each instant is parsed once.
 */
export const measureSpend = (
  entries: readonly SpendEntry[],
  added: SpendEntry | null,
  asOf: string,
  policy: LoyaltyPolicy,
): SpendWindow => {
  const until = toEpochMs(asOf);
  const after = until - policy.qualifyingWindowDays * DAY_IN_MS;
  const spend: SpendEntry[] = [];
  let qualifying = 0;
  for (const entry of added === null ? entries : [...entries, added]) {
    if (entry.currency !== policy.loyaltyCurrency) continue;
    const at = toEpochMs(entry.at);
    if (at <= after) continue;
    spend.push(entry);
    if (at <= until) qualifying += entry.amount;
  }
  return { spend, qualifyingSpend: qualifying };
};
