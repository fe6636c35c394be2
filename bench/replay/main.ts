import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { machineDescription } from '../event-store/machine';
import { runPhase } from './phase-process';
import type { PhaseRequest, PhaseResult } from './phase-protocol';
import { seededLog } from './seeded-log';
import { breakdownTable } from './breakdown-table';
import { markdownTable, meetsTargets, rate, type RebuildRow } from './table';

const DEFAULT_RUNNER_BATCH = 500;

const USAGE = `npm run bench:replay -- [options]

  --events N          events in the log, rebuilt and read                     (default 1000000)
  --batch-sizes LIST  ProjectionRunner batch sizes, one rebuild each           (default 500,2000,5000,10000)
  --read-page N       rows per SELECT in the raw read                          (default 1000)
  --seed N            demo data seed                                           (default 42)
  --dir PATH          keep the seeded log here and reuse it when it holds >= --events
                      (default: a temp dir, removed after)
  --cpu-prof PATH     write each phase's V8 CPU profile into PATH
  --breakdown         one more rebuild at the fastest batch size, timing each part of it
`;

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    'batch-sizes': { type: 'string', default: '500,2000,5000,10000' },
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
  const batchSizes = args['batch-sizes'].split(',').map((size) => positive('batch-sizes', size.trim()));
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
    const rebuild = async (batchSize: number, instrumented: boolean): Promise<PhaseResult> => {
      const readsPath = join(dir, `reads-${batchSize}-${process.pid}.sqlite`);
      try {
        return await measured(
          `customer-360 rebuild, batch ${count(batchSize)}${instrumented ? ', timed parts' : ''}`,
          events,
          {
            phase: 'rebuild',
            eventsPath: seeded.path,
            readsPath,
            untilPosition: seeded.untilPosition,
            batchSize,
            instrumented,
          },
          instrumented ? undefined : profileDir,
        );
      } finally {
        for (const suffix of ['', '-wal', '-shm']) rmSync(readsPath + suffix, { force: true });
      }
    };
    const rebuilds: RebuildRow[] = [];
    for (const batchSize of batchSizes) {
      const result = await rebuild(batchSize, false);
      rebuilds.push({ batchSize, isDefault: batchSize === DEFAULT_RUNNER_BATCH, result });
    }
    const fastest = [...rebuilds].sort((a, b) => rate(b.result) - rate(a.result))[0];
    const timed = args.breakdown ? await rebuild(fastest.batchSize, true) : undefined;
    const split =
      timed?.breakdown === undefined ? [] : breakdownTable(timed.breakdown, timed.seconds, fastest.batchSize);
    process.stdout.write(
      report(raw, rebuilds, { events, readPage, seed, dir, keepDir, loadAtStart }) + split.join('\n') + '\n',
    );
    if (!rebuilds.some((row) => meetsTargets(row.result))) process.exitCode = 2;
  } finally {
    if (!keepDir) rmSync(dir, { recursive: true, force: true });
  }
}

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
    phases: `each in a fresh child process (node --import tsx); raw read in pages of ${count(run.readPage)}; rebuild = ProjectionRunner.runUntil(position of event ${count(run.events)}) into a fresh SqliteReadStore file`,
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
    ...rebuilds.flatMap(({ batchSize, result }) =>
      result.notes.map(
        (note) =>
          `- batchSize ${count(batchSize)}: ${note}; sampled peak RSS ${(result.sampledPeakRssBytes / 2 ** 20).toFixed(0)} MB`,
      ),
    ),
    ...(best
      ? [`- best: batchSize ${count(best.batchSize)}, ${count(Math.round(rate(best.result)))} events/s`]
      : []),
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
