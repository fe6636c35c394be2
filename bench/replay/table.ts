import type { PhaseResult } from './phase-protocol';

export const TARGET_EVENTS_PER_SECOND = 100_000;
export const TARGET_PEAK_RSS_MB = 300;

export interface RebuildRow {
  /** What ran, e.g. "customer-360 rebuild (`crm rebuild`), cache 30,000 documents". */
  readonly label: string;
  readonly result: PhaseResult;
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
export const rate = (result: PhaseResult): number => result.events / result.seconds;

export const meetsTargets = (result: PhaseResult): boolean =>
  rate(result) >= TARGET_EVENTS_PER_SECOND && result.maxRssBytes / 2 ** 20 <= TARGET_PEAK_RSS_MB;

/** The report's table: raw read-and-parse first, then one row per rebuild, each as a ratio to raw. */
export function markdownTable(raw: PhaseResult, rebuilds: readonly RebuildRow[]): string {
  const header = [
    'phase',
    'events',
    'seconds',
    'events/s',
    'ratio to raw',
    'peak RSS (MB)',
    'RSS at start (MB)',
    'target',
    'met?',
  ];
  const rows = [
    [
      'raw read + JSON.parse (better-sqlite3)',
      count(raw.events),
      raw.seconds.toFixed(2),
      count(rate(raw)),
      '1.00×',
      mb(raw.maxRssBytes),
      mb(raw.startRssBytes),
      '—',
      '—',
    ],
    ...rebuilds.map(({ label, result }) => [
      label,
      count(result.events),
      result.seconds.toFixed(2),
      count(rate(result)),
      `${(rate(result) / rate(raw)).toFixed(2)}×`,
      mb(result.maxRssBytes),
      mb(result.startRssBytes),
      `≥ ${count(TARGET_EVENTS_PER_SECOND)}/s, ≤ ${TARGET_PEAK_RSS_MB} MB`,
      meetsTargets(result) ? 'yes' : 'no',
    ]),
  ];
  const numeric = new Set([1, 2, 3, 4, 5, 6]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
