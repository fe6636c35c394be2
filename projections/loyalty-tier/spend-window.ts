import { DAY_IN_MS, toEpochMs, type LoyaltyPolicy, type SpendEntry } from '@crm/domain';

/** The later of two instants (events of one stream may carry back-dated `occurredAt`). */
export const laterInstant = (current: string | null, candidate: string): string =>
  current === null || toEpochMs(candidate) > toEpochMs(current) ? candidate : current;

/**
 * The kept spend in the loyalty currency, as columns: the i-th entry is `atMs[i]` (epoch ms) and `amount[i]`
 * (signed minor units). The window is measured on every event and the lists are rewritten with the document,
 * so instants are stored parsed, the currency (always the loyalty currency here) is left out, and there are
 * no nested arrays, which FerretDB refuses (ADR 0035).
 */
export interface SpendColumns {
  readonly atMs: readonly number[];
  readonly amount: readonly number[];
}

export const noSpend = (): SpendColumns => ({ atMs: [], amount: [] });

export interface SpendWindow {
  readonly spend: SpendColumns;
  readonly qualifyingSpend: number;
}

/**
 * Adds an entry (or none; one in another currency never counts), keeps only the entries that can still
 * count (`at` after asOf − window: `asOf` never moves backwards, so a dropped entry can never count again),
 * and measures qualifying spend at `asOf` by the domain's rule (`qualifyingSpend`; the spec holds the two
 * equal).
 */
export const measureSpend = (
  kept: SpendColumns,
  added: SpendEntry | null,
  asOf: string,
  policy: LoyaltyPolicy,
): SpendWindow => {
  const until = toEpochMs(asOf);
  const after = until - policy.qualifyingWindowDays * DAY_IN_MS;
  const atMs: number[] = [];
  const amount: number[] = [];
  let qualifying = 0;
  const keep = (at: number, value: number): void => {
    if (at <= after) return;
    atMs.push(at);
    amount.push(value);
    if (at <= until) qualifying += value;
  };
  kept.atMs.forEach((at, i) => keep(at, kept.amount[i]));
  if (added !== null && added.currency === policy.loyaltyCurrency) keep(toEpochMs(added.at), added.amount);
  return { spend: { atMs, amount }, qualifyingSpend: qualifying };
};
