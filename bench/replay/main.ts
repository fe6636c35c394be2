import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { machineDescription } from '../event-store/machine';
import { runPhase } from './phase-process';
import type { PhaseRequest, PhaseResult } from './phase-protocol';
import { seededLog } from './seeded-log';
import { DEFAULT_REPLAY_CACHE_DOCUMENTS } from '@crm/projection-runtime';
import { breakdownTable } from './breakdown-table';
import { markdownTable, meetsTargets, rate, type RebuildRow } from './table';

const DEFAULT_RUNNER_BATCH = 500;

const USAGE = `npm run bench:replay -- [options]

  --events N          events in the log, rebuilt and read                     (default 1000000)
  --cache-documents LIST
                      \`crm rebuild\` (bulk replay) document cache sizes, one rebuild each
                                                                              (default ${DEFAULT_REPLAY_CACHE_DOCUMENTS})
  --batch-size N      events per read of the bulk replay                      (default 5000, as crm)
  --runner-batch-sizes LIST
                      also rebuild with the API's ProjectionRunner at these batch sizes
                                                                              (default none; it was 500,2000,5000,10000)
  --read-page N       rows per SELECT in the raw read                          (default 1000)
  --seed N            demo data seed                                           (default 42)
  --dir PATH          keep the seeded log here and reuse it when it holds >= --events
                      (default: a temp dir, removed after)
  --cpu-prof PATH     write each phase's V8 CPU profile into PATH
  --breakdown         one more run of the fastest rebuild, timing each part of it
`;

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    'cache-documents': { type: 'string', default: String(DEFAULT_REPLAY_CACHE_DOCUMENTS) },
    'batch-size': { type: 'string', default: '5000' },
    'runner-batch-sizes': { type: 'string', default: '' },
    'read-page': { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    dir: { type: 'string' },
    'cpu-prof': { type: 'string' },
    breakdown: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new RangeError(`--${name} must be a positive integer, got ${String(value)}`);
  return n;
}

const log = (message: string): void => void process.stderr.write(`${message}\n`);
const count = (n: number): string => n.toLocaleString('en-US');
const loads = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

function progressBar(label: string, total: number): SingleBar {
  const bar = new SingleBar({
    format: `${label.padEnd(34)} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta}s`,
    stream: process.stderr,
    noTTYOutput: true,
    barsize: 24,
    etaBuffer: 20,
  });
  bar.start(total, 0, { rate: 0 });
  return bar;
}

/** Runs a phase in its child process behind a progress bar. */
async function measured(label: string, total: number, request: PhaseRequest, profileDir?: string) {
  const bar = progressBar(label, total);
  const started = Date.now();
  try {
    const result = await runPhase(
      request,
      (events) => bar.update(events, { rate: count(Math.round(events / ((Date.now() - started) / 1000))) }),
      profileDir,
    );
    bar.update(result.events, { rate: count(Math.round(rate(result))) });
    return result;
  } finally {
    bar.stop();
  }
}

async function main(): Promise<void> {
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const events = positive('events', args.events);
  const list = (name: string, value: string): number[] =>
    value === '' ? [] : value.split(',').map((item) => positive(name, item.trim()));
  const cacheSizes = list('cache-documents', args['cache-documents']);
  const replayBatch = positive('batch-size', args['batch-size']);
  const runnerBatchSizes = list('runner-batch-sizes', args['runner-batch-sizes']);
  const readPage = positive('read-page', args['read-page']);
  const seed = positive('seed', args.seed);
  const keepDir = args.dir !== undefined;
  const dir = args.dir ?? mkdtempSync(join(tmpdir(), 'crm-bench-replay-'));
  mkdirSync(dir, { recursive: true });
  const profileDir = args['cpu-prof'];
  if (profileDir !== undefined) mkdirSync(profileDir, { recursive: true });
  const loadAtStart = loads();

  try {
    const seedBar = progressBar('seeding (not measured)', events);
    const seeded = await seededLog({
      path: join(dir, `events-seed${seed}.sqlite`),
      events,
      seed,
      onProgress: (appended) => seedBar.update(Math.min(appended, events), { rate: '—' }),
    }).finally(() => seedBar.stop());
    log(
      seeded.reused
        ? `reusing ${seeded.path} (head ${count(seeded.headPosition)})`
        : `seeded ${seeded.path}: ${count(seeded.headPosition)} events, ${count(seeded.customers ?? 0)} customers generated, ${seeded.rejected} commands refused, ${seeded.seconds?.toFixed(1)} s`,
    );

    const raw = await measured(
      'raw read + JSON.parse',
      events,
      { phase: 'raw-read', eventsPath: seeded.path, untilPosition: seeded.untilPosition, pageSize: readPage },
      profileDir,
    );
    const rebuild = async (run: RebuildRun, instrumented: boolean): Promise<PhaseResult> => {
      const readsPath = join(
        dir,
        `reads-${run.engine}-${run.batchSize}-${run.cacheDocuments}-${process.pid}.sqlite`,
      );
      try {
        return await measured(
          `${run.short}${instrumented ? ', timed parts' : ''}`,
          events,
          {
            phase: 'rebuild',
            engine: run.engine,
            eventsPath: seeded.path,
            readsPath,
            untilPosition: seeded.untilPosition,
            batchSize: run.batchSize,
            cacheDocuments: run.cacheDocuments,
            instrumented,
          },
          instrumented ? undefined : profileDir,
        );
      } finally {
        for (const suffix of ['', '-wal', '-shm']) rmSync(readsPath + suffix, { force: true });
      }
    };
    const runs: RebuildRun[] = [
      ...cacheSizes.map((cacheDocuments) => replayRun(replayBatch, cacheDocuments)),
      ...runnerBatchSizes.map(runnerRun),
    ];
    const rebuilds: (RebuildRow & { run: RebuildRun })[] = [];
    for (const run of runs) rebuilds.push({ run, label: run.label, result: await rebuild(run, false) });
    const fastest = [...rebuilds].sort((a, b) => rate(b.result) - rate(a.result))[0];
    const timed = args.breakdown && fastest ? await rebuild(fastest.run, true) : undefined;
    const split =
      timed?.breakdown === undefined ? [] : breakdownTable(timed.breakdown, timed.seconds, fastest.run.short);
    process.stdout.write(
      report(raw, rebuilds, { events, readPage, seed, dir, keepDir, loadAtStart }) + split.join('\n') + '\n',
    );
    if (!rebuilds.some((row) => meetsTargets(row.result))) process.exitCode = 2;
  } finally {
    if (!keepDir) rmSync(dir, { recursive: true, force: true });
  }
}

interface RebuildRun {
  readonly engine: 'replay' | 'runner';
  readonly batchSize: number;
  readonly cacheDocuments: number;
  readonly label: string;
  /** For the progress bar. */
  readonly short: string;
}

const replayRun = (batchSize: number, cacheDocuments: number): RebuildRun => ({
  engine: 'replay',
  batchSize,
  cacheDocuments,
  label:
    `customer-360 \`rebuild()\` (bulk replay), cache ${count(cacheDocuments)} documents` +
    (cacheDocuments === DEFAULT_REPLAY_CACHE_DOCUMENTS ? ' (default)' : ''),
  short: `rebuild, cache ${count(cacheDocuments)}`,
});

const runnerRun = (batchSize: number): RebuildRun => ({
  engine: 'runner',
  batchSize,
  cacheDocuments: 0,
  label:
    `customer-360 ProjectionRunner, batchSize ${count(batchSize)}` +
    (batchSize === DEFAULT_RUNNER_BATCH ? ' (its default)' : ''),
  short: `runner, batch ${count(batchSize)}`,
});

interface RunInfo {
  readonly events: number;
  readonly readPage: number;
  readonly seed: number;
  readonly dir: string;
  readonly keepDir: boolean;
  readonly loadAtStart: string;
}

function report(raw: PhaseResult, rebuilds: readonly RebuildRow[], run: RunInfo): string {
  const header = machineDescription({
    workload: `${count(run.events)} demo events (seed ${run.seed}; customer and opportunity commands decided by the real deciders, appended in time order to a SqliteEventStore)`,
    phases: `each in a fresh child process (node --import tsx); raw read in pages of ${count(run.readPage)}; rebuild = \`rebuild(customer360)\` as \`crm rebuild\` runs it (or ProjectionRunner.runUntil) to the position of event ${count(run.events)}, into a fresh SqliteReadStore file`,
    'database files': run.dir + (run.keepDir ? ' (kept)' : ' (temporary, removed after)'),
  });
  // machineDescription reads the load average now; the run's start is what was asked for.
  const lines = header.map((line) =>
    line.startsWith('- load average at start')
      ? `- load average at start (1/5/15 min): ${run.loadAtStart}`
      : line,
  );
  const best = [...rebuilds].sort((a, b) => rate(b.result) - rate(a.result))[0];
  return [
    '## Replay benchmark',
    '',
    ...lines,
    `- load average at end (1/5/15 min): ${loads()}`,
    '',
    markdownTable(raw, rebuilds),
    '',
    ...rebuilds.flatMap(({ label, result }) =>
      result.notes.map(
        (note) =>
          `- ${label}: ${note}; sampled peak RSS ${(result.sampledPeakRssBytes / 2 ** 20).toFixed(0)} MB`,
      ),
    ),
    ...(best ? [`- fastest: ${best.label}, ${count(Math.round(rate(best.result)))} events/s`] : []),
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
