import type { Breakdown } from './breakdown';

const ms = (value: number): string => Math.round(value).toLocaleString('en-US');
const count = (n: number): string => n.toLocaleString('en-US');
const share = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)} %`;

/** Where the instrumented rebuild's wall-clock time went, part by part. */
export function breakdownTable(breakdown: Breakdown, totalSeconds: number, label: string): string[] {
  const b = breakdown;
  // The estimates ran outside the timed calls but inside the phase: they are not the rebuild's time.
  const total = totalSeconds * 1_000 - b.getManyParseEstimate - b.bulkWriteStringifyEstimate;
  const measured = b.readEvents + b.evolve + b.getMany + b.bulkWrite + b.saveCheckpoint + b.ensureCollection;
  const rows: [string, number][] = [
    [
      'event reads (`readAll` / `readAllByStream`: SELECT, JSON.parse, envelopes; read ahead: wait + parse)',
      b.readEvents,
    ],
    ['customer-360 `evolve`, or `fold.step` and `fold.finalize`', b.evolve],
    ['`getMany` of the touched documents', b.getMany],
    ['of which JSON.parse of their bodies (timed again alone)', b.getManyParseEstimate],
    ['of which the rest: SELECT … json_each, row objects', b.getMany - b.getManyParseEstimate],
    ['`bulkWrite` of the changed documents', b.bulkWrite],
    ['of which JSON.stringify of their bodies (timed again alone)', b.bulkWriteStringifyEstimate],
    [
      'of which the rest: upserts, expression indexes if any, commit',
      b.bulkWrite - b.bulkWriteStringifyEstimate,
    ],
    ['`saveCheckpoint`', b.saveCheckpoint],
    ["`ensureCollection` (a new collection's indexes, built at the end)", b.ensureCollection],
    ['outside those calls: routing, the document cache, promises, GC', total - measured],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const perCall = (n: number): string => (n / Math.max(b.batches, 1)).toFixed(0);
  return [
    `Instrumented ${label}: ${count(b.batches)} \`bulkWrite\` calls; ` +
      `${count(b.documentsRead)} documents read and ` +
      `${count(b.documentsWritten)} written (${perCall(b.documentsWritten)} per call, ` +
      `${(b.bytesWritten / Math.max(b.documentsWritten, 1) / 1024).toFixed(1)} KiB of JSON each on average); ` +
      `${ms(total)} ms of rebuild (instrumentation's own re-parsing and re-stringifying excluded):`,
    '',
    `| ${'part'.padEnd(width)} |        ms |  share |`,
    `| ${'-'.repeat(width)} | --------: | -----: |`,
    ...rows.map(
      ([label, value]) =>
        `| ${label.padEnd(width)} | ${ms(value).padStart(9)} | ${share(value, total).padStart(6)} |`,
    ),
  ];
}
