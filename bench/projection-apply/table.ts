import type { CatchUpResult } from './catch-up';

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** One row per catch-up: events/s on the wall clock, and the CPU each event cost. */
export function applyTable(rows: readonly CatchUpResult[]): string {
  const lines = [
    '| projections | batch size | events | seconds | events/s | CPU µs per event |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.projections} | ${count(row.batchSize)} | ${count(row.events)} | ${row.seconds.toFixed(2)} | ` +
        `${count(row.events / row.seconds)} | ${((row.cpuSeconds * 1e6) / row.events).toFixed(0)} |`,
    ),
  ];
  return lines.join('\n');
}
