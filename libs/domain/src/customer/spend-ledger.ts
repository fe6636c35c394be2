/**
 * One currency's spend movements in time order, in chunks of at most `CHUNK_SIZE` with running totals
 * inside each chunk and the sum of all earlier chunks beside it: the spend in a window is two binary
 * searches and a subtraction. A pass over the customer's whole history instead visited one object per
 * movement on every purchase, and those objects are cold by then: it grew to the largest single cost of a
 * command after a few dozen purchases (docs/benchmarks.md). Chunks, because the state is immutable: one
 * series in two flat arrays was copied whole by every movement, which made folding a long history
 * quadratic (10,000 purchases: about half a second; ADR on command-state snapshots).
 */
export interface SpendSeries {
  readonly chunks: readonly SpendChunk[];
  /** `before[i]` is the sum of the amounts of every movement in chunks 0..i-1, in minor units. */
  readonly before: readonly number[];
}

export interface SpendChunk {
  /** Instants in epoch milliseconds, ascending; movements at the same instant in the order recorded. */
  readonly atMs: readonly number[];
  /** `totals[i]` is the sum of the amounts of this chunk's movements 0..i, in minor units. */
  readonly totals: readonly number[];
}

/** Qualifying-spend movements by currency code, as the customer decider's state keeps them. */
export type SpendLedger = Readonly<Record<string, SpendSeries>>;

export const EMPTY_SPEND_LEDGER: SpendLedger = {};

const CHUNK_SIZE = 64;

const EMPTY_SERIES: SpendSeries = { chunks: [], before: [] };

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

const lastOf = (values: readonly number[]): number => values[values.length - 1];

/** The first chunk holding an instant strictly after `ms`; `chunks.length` if none does. */
const chunkAfter = (chunks: readonly SpendChunk[], ms: number): number => {
  let low = 0;
  let high = chunks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lastOf(chunks[middle].atMs) <= ms) low = middle + 1;
    else high = middle;
  }
  return low;
};

const chunkTotal = (chunk: SpendChunk): number => (chunk.totals.length === 0 ? 0 : lastOf(chunk.totals));

/** The sum of every movement of the series at or before `ms`. */
const totalThrough = (series: SpendSeries, ms: number): number => {
  const { chunks, before } = series;
  const index = chunkAfter(chunks, ms);
  if (index === chunks.length) return index === 0 ? 0 : before[index - 1] + chunkTotal(chunks[index - 1]);
  const count = countAtOrBefore(chunks[index].atMs, ms);
  return before[index] + (count === 0 ? 0 : chunks[index].totals[count - 1]);
};

/** A chunk of the movements given as instants and amounts, with its running totals. */
const chunkOf = (atMs: number[], amounts: readonly number[]): SpendChunk => {
  const totals: number[] = [];
  let total = 0;
  for (const amount of amounts) totals.push((total += amount));
  return { atMs, totals };
};

const amountsOf = (chunk: SpendChunk): number[] =>
  chunk.totals.map((total, i) => total - (i === 0 ? 0 : chunk.totals[i - 1]));

/** The ledger with one more movement; a back-dated one is placed in time, and the totals after it move. */
export const recordSpend = (
  ledger: SpendLedger,
  currency: string,
  atMs: number,
  amount: number,
): SpendLedger => {
  const series = ledger[currency] ?? EMPTY_SERIES;
  // The chunk it goes into: the first one holding a later instant, or the last one (a new one if none).
  const index = Math.min(chunkAfter(series.chunks, atMs), Math.max(series.chunks.length - 1, 0));
  const held = series.chunks[index] ?? { atMs: [], totals: [] };
  const at = countAtOrBefore(held.atMs, atMs);
  const times = held.atMs.slice();
  times.splice(at, 0, atMs);
  const amounts = amountsOf(held);
  amounts.splice(at, 0, amount);
  const replaced =
    times.length <= CHUNK_SIZE
      ? [chunkOf(times, amounts)]
      : [
          chunkOf(times.slice(0, CHUNK_SIZE / 2), amounts.slice(0, CHUNK_SIZE / 2)),
          chunkOf(times.slice(CHUNK_SIZE / 2), amounts.slice(CHUNK_SIZE / 2)),
        ];
  const chunks = series.chunks.slice();
  chunks.splice(index, series.chunks.length === 0 ? 0 : 1, ...replaced);
  const before = series.before.slice(0, index);
  for (let i = index; i < chunks.length; i++) {
    before.push(i === 0 ? 0 : before[i - 1] + chunkTotal(chunks[i - 1]));
  }
  return { ...ledger, [currency]: { chunks, before } };
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
  return totalThrough(series, untilMs) - totalThrough(series, afterMs);
};

/** A series as flat columns: each chunk's size, and every movement's instant and amount, in order. */
export interface SpendColumns {
  readonly sizes: number[];
  readonly atMs: number[];
  readonly amounts: number[];
}

export const spendColumns = (series: SpendSeries): SpendColumns => {
  const columns: SpendColumns = { sizes: [], atMs: [], amounts: [] };
  for (const chunk of series.chunks) {
    columns.sizes.push(chunk.atMs.length);
    columns.atMs.push(...chunk.atMs);
    columns.amounts.push(...amountsOf(chunk));
  }
  return columns;
};

/** The series `spendColumns` was given: the same chunks, totals and sums before them. */
export const spendSeriesOf = (columns: SpendColumns): SpendSeries => {
  const chunks: SpendChunk[] = [];
  const before: number[] = [];
  let start = 0;
  let sum = 0;
  for (const size of columns.sizes) {
    const chunk = chunkOf(
      columns.atMs.slice(start, start + size),
      columns.amounts.slice(start, start + size),
    );
    before.push(sum);
    sum += chunkTotal(chunk);
    chunks.push(chunk);
    start += size;
  }
  return { chunks, before };
};
