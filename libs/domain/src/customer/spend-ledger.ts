import type { NumberColumn } from '../shared/packed-columns';

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

/** Arrays, or views over a decoded snapshot's bytes (`spendSeriesOf`). */
export interface SpendChunk {
  /** Instants in epoch milliseconds, ascending; movements at the same instant in the order recorded. */
  readonly atMs: ArrayLike<number>;
  /** `totals[i]` is the sum of the amounts of this chunk's movements 0..i, in minor units. */
  readonly totals: ArrayLike<number>;
}

/** Qualifying-spend movements by currency code, as the customer decider's state keeps them. */
export type SpendLedger = Readonly<Record<string, SpendSeries>>;

export const EMPTY_SPEND_LEDGER: SpendLedger = {};

const CHUNK_SIZE = 64;

const EMPTY_SERIES: SpendSeries = { chunks: [], before: [] };
const EMPTY_CHUNK: SpendChunk = { atMs: [], totals: [] };

/** The index of the first instant strictly after `ms`: the movements before it are at or before `ms`. */
const countAtOrBefore = (atMs: ArrayLike<number>, ms: number): number => {
  let low = 0;
  let high = atMs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (atMs[middle] <= ms) low = middle + 1;
    else high = middle;
  }
  return low;
};

const lastOf = (values: ArrayLike<number>): number => values[values.length - 1];

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

/** A chunk being built: arrays of its own. */
interface NewChunk extends SpendChunk {
  readonly atMs: number[];
  readonly totals: number[];
}

/** `chunk` with one more movement at position `at`: the totals from there on move by `amount`. */
const withMovement = (chunk: SpendChunk, at: number, atMs: number, amount: number): NewChunk => {
  const times: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < at; i++) {
    times.push(chunk.atMs[i]);
    totals.push(chunk.totals[i]);
  }
  times.push(atMs);
  totals.push((at === 0 ? 0 : chunk.totals[at - 1]) + amount);
  for (let i = at; i < chunk.atMs.length; i++) {
    times.push(chunk.atMs[i]);
    totals.push(chunk.totals[i] + amount);
  }
  return { atMs: times, totals };
};

/** A chunk past `CHUNK_SIZE` as two halves, the second one's totals counted from its own start. */
const split = (chunk: NewChunk): SpendChunk[] => {
  if (chunk.atMs.length <= CHUNK_SIZE) return [chunk];
  const half = CHUNK_SIZE / 2;
  const first = chunk.totals[half - 1];
  return [
    { atMs: chunk.atMs.slice(0, half), totals: chunk.totals.slice(0, half) },
    { atMs: chunk.atMs.slice(half), totals: chunk.totals.slice(half).map((total) => total - first) },
  ];
};

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
  const held = series.chunks[index] ?? EMPTY_CHUNK;
  const replaced = split(withMovement(held, countAtOrBefore(held.atMs, atMs), atMs, amount));
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

/**
 * A series as flat columns: each chunk's size, and every movement's instant and running total within its
 * chunk, in order.
 */
export interface SpendColumns {
  readonly sizes: ArrayLike<number>;
  readonly atMs: ArrayLike<number>;
  readonly totals: ArrayLike<number>;
}

export const spendColumns = (series: SpendSeries): SpendColumns => {
  const sizes = series.chunks.map((chunk) => chunk.atMs.length);
  const count = sizes.reduce((total, size) => total + size, 0);
  const atMs = new Float64Array(count);
  const totals = new Float64Array(count);
  let offset = 0;
  for (const chunk of series.chunks) {
    atMs.set(chunk.atMs, offset);
    totals.set(chunk.totals, offset);
    offset += chunk.atMs.length;
  }
  return { sizes, atMs, totals };
};

/**
 * The series `spendColumns` was given: the same chunks, totals and sums before them. Its chunks are views
 * over `columns` when they are typed arrays (a decoded snapshot's), so building it copies no movement.
 */
export const spendSeriesOf = (columns: SpendColumns): SpendSeries => {
  const chunks: SpendChunk[] = [];
  const before: number[] = [];
  let start = 0;
  let sum = 0;
  for (let i = 0; i < columns.sizes.length; i++) {
    const end = start + columns.sizes[i];
    const chunk = { atMs: sliceOf(columns.atMs, start, end), totals: sliceOf(columns.totals, start, end) };
    before.push(sum);
    sum += chunkTotal(chunk);
    chunks.push(chunk);
    start = end;
  }
  return { chunks, before };
};

const sliceOf = (values: ArrayLike<number>, start: number, end: number): ArrayLike<number> =>
  ArrayBuffer.isView(values)
    ? (values as NumberColumn).subarray(start, end)
    : Array.prototype.slice.call(values, start, end);
