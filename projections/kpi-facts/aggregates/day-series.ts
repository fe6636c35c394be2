import { DAY_IN_MS } from '../kpis/kpi';

/**
 * One contribution to a KPI sum. `x` places it in a period (from, to]; `y` is the instant from which it
 * counts "by `to`" (an open, a conversion, a return), equal to `x` when it counts at once. Values are
 * whole numbers, so sums are exact.
 */
export interface SeriesEntry<TDetail = undefined> {
  readonly x: number;
  readonly y: number;
  readonly values: readonly number[];
  readonly detail: TDetail;
}

/** The entries of one UTC day, sorted by `y` on demand, with their running sums in that order. */
class DayBucket<TDetail> {
  readonly entries: Array<SeriesEntry<TDetail>> = [];
  private sums: Float64Array | undefined;
  private ys: Float64Array | undefined;

  constructor(private readonly width: number) {}

  changed(): void {
    this.sums = undefined;
    this.ys = undefined;
  }

  /** Adds to `into` the values of its entries with y ≤ `yAtMost`, by binary search over the y order. */
  addUpTo(yAtMost: number, into: number[]): void {
    const { sums, ys } = this.sorted();
    let low = 0;
    let high = ys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ys[middle] <= yAtMost) low = middle + 1;
      else high = middle;
    }
    for (let index = 0; index < this.width; index++) into[index] += sums[low * this.width + index];
  }

  private sorted(): { sums: Float64Array; ys: Float64Array } {
    if (this.sums === undefined || this.ys === undefined) {
      const ordered = [...this.entries].sort((a, b) => a.y - b.y);
      const sums = new Float64Array((ordered.length + 1) * this.width);
      ordered.forEach((entry, position) => {
        for (let index = 0; index < this.width; index++) {
          sums[(position + 1) * this.width + index] =
            sums[position * this.width + index] + entry.values[index];
        }
      });
      this.sums = sums;
      this.ys = Float64Array.from(ordered, (entry) => entry.y);
    }
    return { sums: this.sums, ys: this.ys };
  }
}

const dayOf = (ms: number): number => Math.floor(ms / DAY_IN_MS);

/**
 * Entries bucketed by the UTC day of `x`. A sum over (xAfter, xAtMost] reads the whole days inside by
 * their running sums and only the entries of the two edge days one by one, so a two-year period costs
 * at most ~731 bucket reads, and "counted by `to`" (y ≤ yAtMost) is a binary search per day.
 */
export class DaySeries<TDetail = undefined> {
  private readonly buckets = new Map<number, DayBucket<TDetail>>();
  private days: number[] | undefined;

  constructor(readonly width: number) {}

  add(entry: SeriesEntry<TDetail>): void {
    const day = dayOf(entry.x);
    let bucket = this.buckets.get(day);
    if (bucket === undefined) {
      bucket = new DayBucket(this.width);
      this.buckets.set(day, bucket);
      this.days = undefined;
    }
    bucket.entries.push(entry);
    bucket.changed();
  }

  /** Removes this very entry (by identity), as added. */
  remove(entry: SeriesEntry<TDetail>): void {
    const day = dayOf(entry.x);
    const bucket = this.buckets.get(day);
    const index = bucket?.entries.indexOf(entry) ?? -1;
    if (bucket === undefined || index < 0) throw new Error('removing an entry that was never added');
    bucket.entries.splice(index, 1);
    bucket.changed();
    if (bucket.entries.length === 0) {
      this.buckets.delete(day);
      this.days = undefined;
    }
  }

  /** Σ values of the entries with xAfter < x ≤ xAtMost and y ≤ yAtMost. */
  sum(xAfter: number, xAtMost: number, yAtMost: number = xAtMost): number[] {
    const totals = new Array<number>(this.width).fill(0);
    const firstDay = dayOf(xAfter);
    const lastDay = dayOf(xAtMost);
    for (const day of this.daysBetween(firstDay, lastDay)) {
      const bucket = this.buckets.get(day) as DayBucket<TDetail>;
      if (day > firstDay && day < lastDay) {
        bucket.addUpTo(yAtMost, totals);
        continue;
      }
      for (const entry of bucket.entries) {
        if (entry.x > xAfter && entry.x <= xAtMost && entry.y <= yAtMost) {
          for (let index = 0; index < this.width; index++) totals[index] += entry.values[index];
        }
      }
    }
    return totals;
  }

  /** The entries with xAfter < x ≤ xAtMost, for figures that are not sums (a median, a latest answer). */
  *entries(xAfter: number, xAtMost: number): Generator<SeriesEntry<TDetail>> {
    for (const day of this.daysBetween(dayOf(xAfter), dayOf(xAtMost))) {
      for (const entry of (this.buckets.get(day) as DayBucket<TDetail>).entries) {
        if (entry.x > xAfter && entry.x <= xAtMost) yield entry;
      }
    }
  }

  /** The days holding entries from `firstDay` to `lastDay`, both included, ascending. */
  private daysBetween(firstDay: number, lastDay: number): number[] {
    this.days ??= [...this.buckets.keys()].sort((a, b) => a - b);
    const days = this.days;
    let low = 0;
    let high = days.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (days[middle] < firstDay) low = middle + 1;
      else high = middle;
    }
    const inside: number[] = [];
    for (let index = low; index < days.length && days[index] <= lastDay; index++) inside.push(days[index]);
    return inside;
  }
}
