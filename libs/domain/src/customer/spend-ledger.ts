/**
 * One currency's spend movements in time order, with running totals: the spend in a window is two
 * binary searches and a subtraction. A pass over the customer's whole history instead visited one
 * object per movement on every purchase, and those objects are cold by then: it grew to the largest
 * single cost of a command after a few dozen purchases (docs/benchmarks.md).
 */
export interface SpendSeries {
  /** Instants in epoch milliseconds, ascending; movements at the same instant in the order recorded. */
  readonly atMs: readonly number[];
  /** `totals[i]` is the sum of the amounts of movements 0..i, in minor units. */
  readonly totals: readonly number[];
}

/** Qualifying-spend movements by currency code, as the customer decider's state keeps them. */
export type SpendLedger = Readonly<Record<string, SpendSeries>>;

export const EMPTY_SPEND_LEDGER: SpendLedger = {};

const EMPTY_SERIES: SpendSeries = { atMs: [], totals: [] };

/** The index of the first instant strictly after `ms`: the movements before it are at or before `ms`. */
const countAtOrBefore = (atMs: readonly number[], ms: number): number => {
  let low = 0;
  let high = atMs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (atMs[middle] <= ms) low = middle + 1;
    else high = middle;
  }
  return low;
};

const totalOfFirst = (series: SpendSeries, count: number): number =>
  count === 0 ? 0 : series.totals[count - 1];

/** The ledger with one more movement; a back-dated one is placed in time, and the totals after it move. */
export const recordSpend = (
  ledger: SpendLedger,
  currency: string,
  atMs: number,
  amount: number,
): SpendLedger => {
  const series = ledger[currency] ?? EMPTY_SERIES;
  const index = countAtOrBefore(series.atMs, atMs);
  const times = series.atMs.slice();
  times.splice(index, 0, atMs);
  const totals = series.totals.slice(0, index);
  let total = totalOfFirst(series, index) + amount;
  totals.push(total);
  for (let i = index; i < series.totals.length; i++) {
    total += series.totals[i] - totalOfFirst(series, i);
    totals.push(total);
  }
  return { ...ledger, [currency]: { atMs: times, totals } };
};

/** The sum of the currency's movements with an instant in (`afterMs`, `untilMs`]. */
export const spendWithin = (
  ledger: SpendLedger,
  currency: string,
  afterMs: number,
  untilMs: number,
): number => {
  const series = ledger[currency];
  if (series === undefined || untilMs <= afterMs) return 0;
  return (
    totalOfFirst(series, countAtOrBefore(series.atMs, untilMs)) -
    totalOfFirst(series, countAtOrBefore(series.atMs, afterMs))
  );
};
