import type { Measurement } from './workloads';

/** One workload's result next to its target. */
export interface Row {
  readonly workload: string;
  readonly measurement: Measurement;
  readonly minPerSecond: number;
  readonly maxP99Ms: number;
}

const HEADER = ['workload', 'requests/s', 'p50 (ms)', 'p97.5 (ms)', 'p99 (ms)', 'errors', 'target', 'met?'];
const ALIGN = ['---', '---:', '---:', '---:', '---:', '---:', '---', '---'];

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

export function met(row: Row): boolean {
  const m = row.measurement;
  return m.errors === 0 && m.requestsPerSecond >= row.minPerSecond && m.p99 <= row.maxP99Ms;
}

function cells(row: Row): string[] {
  const m = row.measurement;
  return [
    row.workload,
    count(m.requestsPerSecond),
    String(m.p50),
    String(m.p97_5),
    String(m.p99),
    count(m.errors),
    `≥ ${count(row.minPerSecond)}/s, p99 ≤ ${row.maxP99Ms} ms, 0 errors`,
    met(row) ? 'yes' : 'no',
  ];
}

/** The results as a GitHub markdown table, ready to paste into docs/benchmarks.md. */
export function markdownTable(rows: readonly Row[]): string {
  const line = (values: readonly string[]): string => `| ${values.join(' | ')} |`;
  return [line(HEADER), line(ALIGN), ...rows.map((row) => line(cells(row)))].join('\n');
}
