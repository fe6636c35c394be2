import type { SeriesEntry } from './day-series';

/** An NPS answer, kept whole: NPS counts each customer's latest answer, which no sum gives. */
export interface NpsAnswer {
  readonly factId: string;
  readonly customerId: string | null;
  readonly score: number;
}

/** An entry for the series named `key` (see `seriesWidth`); the NPS series carries its answers. */
export type Contribution =
  | { readonly key: 'nps'; readonly entry: SeriesEntry<NpsAnswer> }
  | { readonly key: string; readonly entry: SeriesEntry };

/**
 * The series and what their values are. Keys with a suffix have one series per stage, currency or
 * campaign. Deltas (Δ) are summed from the start of time up to an instant: a state at that instant.
 */
const WIDTHS: Readonly<Record<string, number>> = {
  resolved: 4, // [complaints, resolution ms, first contact, within SLA] at the final resolution
  closed: 3, // [deals, won, opened → closed ms] at closing
  stay: 2, // stay:<stage> [stays, ms] at the stay's end
  entered: 1, // entered:<stage> [deals] at entering, less a pair of entries of one deal
  lost: 1, // lost:<stage> [deals] at entering, counted once lost there
  pipeline: 2, // pipeline:<currency> [Δ amount × probability, Δ open deals]
  sent: 1, // sent:<campaign> [deliveries] at the first delivery
  opened: 1, // opened:<campaign> [deliveries] at delivery, counted once opened
  clicked: 1, // clicked:<campaign> [deliveries] at delivery, counted once clicked
  click: 1, // click:<campaign> [clicks] at each click
  credit: 2, // credit:<campaign> [credited purchases, net spend] at the purchase, returns counted by their date
  revenue: 2, // [purchases + returns, TRY net spend] on their own dates
  csat: 2, // [answers, answers of 4–5]
  nps: 0, // answers, read one by one
  lead: 2, // [leads, converted] at the lead instant, a conversion counted once it happened
  optInChange: 3, // [grants, withdrawals, erasures of a holder]
  optedIn: 1, // [Δ customers holding an e-mail marketing opt-in]
  active: 1, // [Δ customers with a purchase in the churn window before]
  churned: 1, // [customers] at becoming churned, less a pair of churns of one customer
};

export const seriesWidth = (key: string): number => {
  const width = WIDTHS[key.split(':')[0]];
  if (width === undefined) throw new Error(`unknown KPI series ${key}`);
  return width;
};

export const contribution = (
  key: string,
  x: number,
  values: readonly number[],
  y: number = x,
): Contribution => ({
  key,
  entry: { x, y, values, detail: undefined },
});

/**
 * One entity counted once per period however many of its instants fall in it: +1 per instant and −1 per
 * pair of consecutive instants (a, b), counted when from < a and b ≤ to. The instants of a period are a
 * run of consecutive ones, so they count n − (n − 1) = 1. `countedBy(t)` is the `y` of an instant (when
 * it starts to count by `to`); it must not decrease as `t` grows.
 */
export const countedOnce = (
  key: string,
  instants: readonly number[],
  countedBy: (ms: number) => number = (ms) => ms,
): Contribution[] => {
  const sorted = [...instants].sort((a, b) => a - b);
  return sorted.flatMap((ms, index) => {
    const next = sorted[index + 1];
    const single = contribution(key, ms, [1], countedBy(ms));
    return next === undefined ? [single] : [single, contribution(key, ms, [-1], countedBy(next))];
  });
};

/**
 * A state as a function of the instant, as +/- steps: `valueAt` is evaluated at each instant where it may
 * change (it must be constant between them and take its value at an instant from that instant on).
 */
export const steps = (
  key: string,
  instants: readonly number[],
  valueAt: (ms: number) => readonly number[],
): Contribution[] => {
  const sorted = [...new Set(instants)].sort((a, b) => a - b);
  const out: Contribution[] = [];
  let previous: readonly number[] = new Array<number>(seriesWidth(key)).fill(0);
  for (const ms of sorted) {
    const value = valueAt(ms);
    if (value.some((part, index) => part !== previous[index])) {
      out.push(
        contribution(
          key,
          ms,
          value.map((part, index) => part - previous[index]),
        ),
      );
      previous = value;
    }
  }
  return out;
};
