/** One measured rate next to the baseline it is judged against. */
export interface ThroughputRow {
  readonly stage: string;
  readonly events: number;
  readonly seconds: number;
  readonly baseline?: { readonly label: string; readonly perSecond: number };
  /** Lowest acceptable ratio to the baseline; none for the baselines themselves. */
  readonly minRatio?: number;
}

export interface LagRow {
  readonly stage: string;
  readonly commandsPerSecond: number;
  readonly samples: number;
  readonly unseen: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly maxP99Ms: number;
}

export const perSecond = (row: Pick<ThroughputRow, 'events' | 'seconds'>): number =>
  row.seconds > 0 ? row.events / row.seconds : 0;

export const ratio = (row: ThroughputRow): number | undefined =>
  row.baseline === undefined || row.baseline.perSecond === 0
    ? undefined
    : perSecond(row) / row.baseline.perSecond;

/** `undefined` where the row has no target. */
export function throughputMet(row: ThroughputRow): boolean | undefined {
  if (row.minRatio === undefined) return undefined;
  const r = ratio(row);
  return r !== undefined && r >= row.minRatio;
}

export const lagMet = (row: LagRow): boolean =>
  row.unseen === 0 && row.samples > 0 && row.p99 <= row.maxP99Ms;

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const verdict = (met: boolean | undefined): string => (met === undefined ? '—' : met ? 'met' : 'not met');

function table(header: readonly string[], numeric: ReadonlySet<number>, rows: readonly string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const cell = (value: string, i: number) =>
    numeric.has(i) ? value.padStart(widths[i]) : value.padEnd(widths[i]);
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Throughput of each stage and baseline, with the ratio the targets are set on. */
export function throughputTable(rows: readonly ThroughputRow[]): string {
  return table(
    ['stage', 'events', 'seconds', 'events/s', 'baseline', 'ratio', 'target', 'result'],
    new Set([1, 2, 3, 5]),
    rows.map((row) => {
      const r = ratio(row);
      return [
        row.stage,
        count(row.events),
        row.seconds.toFixed(2),
        count(perSecond(row)),
        row.baseline === undefined ? '—' : `${row.baseline.label}: ${count(row.baseline.perSecond)}/s`,
        r === undefined ? '—' : `${r.toFixed(2)}×`,
        row.minRatio === undefined ? '—' : `≥ ${row.minRatio.toFixed(1)}× baseline`,
        verdict(throughputMet(row)),
      ];
    }),
  );
}

/** End-to-end lag percentiles at the paced load. */
export function lagTable(rows: readonly LagRow[]): string {
  return table(
    ['stage', 'commands/s', 'samples', 'never seen', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'target', 'result'],
    new Set([1, 2, 3, 4, 5, 6]),
    rows.map((row) => [
      row.stage,
      count(row.commandsPerSecond),
      count(row.samples),
      count(row.unseen),
      count(row.p50),
      count(row.p99),
      count(row.max),
      `p99 ≤ ${row.maxP99Ms} ms, none unseen`,
      verdict(lagMet(row)),
    ]),
  );
}
