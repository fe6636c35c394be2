import type { Measurement } from './workloads';
import type { LagSpread } from './projection-lag';

/** One workload on the API next to the same requests on bare Fastify, and its targets. */
export interface Row {
  readonly workload: string;
  readonly measurement: Measurement;
  readonly bare: Measurement;
  /** The least API ÷ bare requests/s that meets the target. */
  readonly minRatio: number;
  readonly maxP99Ms: number;
}

const HEADER = [
  'workload',
  'requests/s',
  'p50 (ms)',
  'p97.5 (ms)',
  'p99 (ms)',
  'errors',
  'bare requests/s',
  'API / bare',
  'target',
  'met?',
];
const ALIGN = ['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---'];

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

export const ratio = (row: Row): number => row.measurement.requestsPerSecond / row.bare.requestsPerSecond;

export function met(row: Row): boolean {
  const m = row.measurement;
  return m.errors === 0 && row.bare.errors === 0 && ratio(row) >= row.minRatio && m.p99 <= row.maxP99Ms;
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
    count(row.bare.requestsPerSecond),
    `${ratio(row).toFixed(2)}×`,
    `≥ ${row.minRatio}× bare, p99 ≤ ${row.maxP99Ms} ms, 0 errors`,
    met(row) ? 'yes' : 'no',
  ];
}

const line = (values: readonly string[]): string => `| ${values.join(' | ')} |`;

/** One workload on bare Fastify, on the Nest floor and on the API. */
export interface FloorRow {
  readonly workload: string;
  readonly bare: Measurement;
  readonly floor: Measurement;
  readonly api: Measurement;
}

const times = (numerator: Measurement, denominator: Measurement): string =>
  `${(numerator.requestsPerSecond / denominator.requestsPerSecond).toFixed(2)}×`;

/** The framework floor between bare Fastify and the API: how much of the gap the stack alone takes. */
export function floorRatioTable(rows: readonly FloorRow[]): string {
  return [
    line([
      'workload',
      'bare requests/s',
      'Nest floor requests/s',
      'floor / bare',
      'API requests/s',
      'API / floor',
    ]),
    line(['---', '---:', '---:', '---:', '---:', '---:']),
    ...rows.map((row) =>
      line([
        row.workload,
        count(row.bare.requestsPerSecond),
        count(row.floor.requestsPerSecond),
        times(row.floor, row.bare),
        count(row.api.requestsPerSecond),
        times(row.api, row.floor),
      ]),
    ),
  ].join('\n');
}

/** The results as a GitHub markdown table, ready to paste into docs/benchmarks.md. */
export function markdownTable(rows: readonly Row[]): string {
  return [line(HEADER), line(ALIGN), ...rows.map((row) => line(cells(row)))].join('\n');
}

/** The projections' lag during the command phase against its target, as a one-row table. */
export function lagTable(maxLagMs: number, projection: string | undefined, targetMs: number): string {
  return [
    line(['measure', 'value', 'slowest projection', 'target', 'met?']),
    line(['---', '---:', '---', '---', '---']),
    line([
      'projections’ maximum lag during the RecordPurchase phase',
      `${count(maxLagMs)} ms`,
      projection ?? '—',
      `≤ ${count(targetMs)} ms`,
      maxLagMs <= targetMs ? 'yes' : 'no',
    ]),
  ].join('\n');
}

/** Each projection's lag over the command phase's samples, worst first: how it saws, not just its peak. */
export function lagSpreadTable(spreads: readonly LagSpread[]): string {
  return [
    line(['projection', 'lag p50 (ms)', 'p90 (ms)', 'max (ms)']),
    line(['---', '---:', '---:', '---:']),
    ...spreads.map((s) => line([s.projection, count(s.p50Ms), count(s.p90Ms), count(s.maxMs)])),
  ].join('\n');
}
