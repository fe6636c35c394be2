import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { CrmStoreSubject } from './crm-store';
import { EmmettSubject } from './emmett';
import { loadEmmettPeer } from './emmett-peer';
import { machineDescription } from './machine';
import { RawSqliteSubject } from './raw-sqlite';
import {
  batchedAppendsLockstep,
  type Participant,
  readStreamsLockstep,
  readWholeLogLockstep,
} from './lockstep';
import { WorkloadRunner, type RunConfig } from './runner';
import { footnotes, markdownTable, type Row } from './table';
import { type Outcome, eventsPerSecond, seconds } from './timing';
import { EventFactory, streamIds } from './workload';

const USAGE = `npm run bench:event-store -- [options]

  --events N                  events for (a) batched appends; (c) reads them back   (default 200000)
  --concurrent-events N       single-event appends for (b)                          (default 50000)
  --peer-concurrent-events N  (b) events for Emmett, whose appends run one at a time (default = --concurrent-events)
  --streams N                 customer streams written and read                     (default 1000)
  --callers N                 concurrent callers in (b)                             (default 64)
  --batch-size N              events per append call in (a)                         (default 1000)
  --read-batch N              events per readAll call in (c)                        (default 1000)
  --systems LIST              comma-separated subset of crm,raw,emmett              (default all)
  --seed N                    workload seed                                         (default 42)
  --dir PATH                  where the database files go (kept); default a temp dir, removed after

Emmett, the peer, is not among the project's dependencies: the first run with it installs it into
bench/event-store/peer (npm run bench:event-store:peer does the same).
`;

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    'concurrent-events': { type: 'string', default: '50000' },
    'peer-concurrent-events': { type: 'string' },
    streams: { type: 'string', default: '1000' },
    callers: { type: 'string', default: '64' },
    'batch-size': { type: 'string', default: '1000' },
    'read-batch': { type: 'string', default: '1000' },
    systems: { type: 'string', default: 'crm,raw,emmett' },
    seed: { type: 'string', default: '42' },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new RangeError(`--${name} must be a positive integer, got ${String(value)}`);
  return n;
}

type SystemKey = 'crm' | 'raw' | 'emmett';
type Operation = 'a' | 'b' | 'c' | 'd';

const log = (message: string): void => void process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  // Emmett console.logs the errors it rethrows; keep stdout for the report alone.
  console.log = (...values: unknown[]): void => console.error(...values);
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const events = positive('events', args.events);
  const concurrentEvents = positive('concurrent-events', args['concurrent-events']);
  const peerConcurrentEvents = positive(
    'peer-concurrent-events',
    args['peer-concurrent-events'] ?? String(concurrentEvents),
  );
  const streamCount = positive('streams', args.streams);
  const seed = positive('seed', args.seed);
  const config: RunConfig = {
    streams: streamIds(streamCount, seed),
    batchSize: positive('batch-size', args['batch-size']),
    callers: positive('callers', args.callers),
    readBatch: positive('read-batch', args['read-batch']),
  };
  const systems = new Set(args.systems.split(',').map((s) => s.trim()));
  for (const s of systems)
    if (!['crm', 'raw', 'emmett'].includes(s)) throw new RangeError(`unknown system ${s}`);
  // Before any database file exists: a first run installs the peer, and that may fail.
  const peer = systems.has('emmett') ? loadEmmettPeer(log) : undefined;

  const keepDir = args.dir !== undefined;
  const dir = args.dir ?? mkdtempSync(join(tmpdir(), 'crm-bench-'));
  mkdirSync(dir, { recursive: true });
  const suffix = keepDir ? `-${Date.now()}` : '';
  const file = (name: string): string => join(dir, `${name}${suffix}.sqlite`);

  const factory = new EventFactory(seed);
  const runners = new Map<SystemKey, WorkloadRunner>();
  const paths = { crm: file('crm'), raw: file('raw'), emmett: file('emmett') };
  let raw: RawSqliteSubject | undefined;
  let emmett: EmmettSubject | undefined;
  // Each system gets its own fresh database file.
  if (systems.has('raw'))
    runners.set('raw', new WorkloadRunner((raw = new RawSqliteSubject(paths.raw)), factory, config));
  if (systems.has('crm'))
    runners.set('crm', new WorkloadRunner(new CrmStoreSubject(paths.crm), factory, config));
  if (peer)
    runners.set(
      'emmett',
      new WorkloadRunner((emmett = new EmmettSubject(peer, paths.emmett)), factory, config),
    );

  const header = machineDescription({
    'sqlite (better-sqlite3 12.9.0; raw and crm)': raw?.sqliteVersion() ?? 'not run',
    'sqlite (sqlite3; Emmett)': emmett?.sqliteVersion() ?? 'not run',
    'crm and raw pragmas': 'journal_mode=WAL, synchronous=FULL',
    'Emmett pragmas (its defaults)': emmett ? await emmett.pragmas() : 'not run',
    workload: `${events.toLocaleString('en-US')} batched events (${config.batchSize}/call), ${concurrentEvents.toLocaleString('en-US')} single-event appends from ${config.callers} callers (Emmett: ${peerConcurrentEvents.toLocaleString('en-US')}, serialized), ${streamCount.toLocaleString('en-US')} streams, readAll pages of ${config.readBatch}, seed ${seed}`,
    'database files': dir + (keepDir ? ' (kept)' : ' (temporary, removed after)'),
  });

  const results = new Map<string, Outcome>();
  const key = (system: SystemKey, op: Operation): string => `${system}:${op}`;
  const failed = new Set<SystemKey>();

  const record = (system: SystemKey, op: Operation, label: string, outcome: Outcome): void => {
    const name = runners.get(system)?.subject.name ?? system;
    if (outcome.kind === 'measured') {
      const m = outcome.measurement;
      log(
        `  ${label.padEnd(28)} ${name.padEnd(22)} ${m.events.toLocaleString('en-US').padStart(9)} events in ${seconds(m).padStart(7)} s = ${Math.round(eventsPerSecond(m)).toLocaleString('en-US').padStart(9)} events/s`,
      );
    } else if (outcome.kind === 'failed') {
      failed.add(system);
      log(`  ${label.padEnd(28)} ${name.padEnd(22)} FAILED ${outcome.error}`);
    }
    results.set(key(system, op), outcome);
  };

  /** The systems still able to take part in `op`; the others get their cell filled in here. */
  const participants = (op: Operation): Participant[] => {
    const list: Participant[] = [];
    for (const system of ['raw', 'crm', 'emmett'] as const) {
      const runner = runners.get(system);
      if (!runner) results.set(key(system, op), { kind: 'n/a', reason: 'not run (--systems)' });
      else if (failed.has(system))
        results.set(key(system, op), { kind: 'failed', error: 'an earlier operation failed' });
      else list.push({ key: system, runner });
    }
    return list;
  };

  /** (a), (c), (d): all systems interleaved call by call (lockstep.ts). */
  const runLockstep = async (
    op: Operation,
    label: string,
    run: (ps: Participant[]) => Promise<Map<string, Outcome>>,
  ): Promise<void> => {
    const ps = participants(op);
    const outcomes = await run(ps);
    for (const p of ps)
      record(p.key as SystemKey, op, label, outcomes.get(p.key) ?? { kind: 'failed', error: 'no result' });
  };

  /** (b): one system after the other, each with its 64 concurrent callers. */
  const runConcurrent = async (label: string): Promise<void> => {
    for (const { key: system, runner } of participants('b')) {
      const n = system === 'emmett' ? peerConcurrentEvents : concurrentEvents;
      try {
        const measurement = await runner.concurrentSingleAppends(n, events);
        const note =
          system !== 'emmett'
            ? undefined
            : n !== concurrentEvents
              ? `(${n.toLocaleString('en-US')} events, serialized)`
              : '(serialized)';
        record(
          system as SystemKey,
          'b',
          label,
          note ? { kind: 'measured', measurement, note } : { kind: 'measured', measurement },
        );
      } catch (error) {
        record(system as SystemKey, 'b', label, {
          kind: 'failed',
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        });
      }
    }
  };

  log(`databases in ${dir}`);
  try {
    await runLockstep('a', '(a) batched appends', (ps) =>
      batchedAppendsLockstep(ps, factory, config.streams, events, config.batchSize),
    );
    await runConcurrent('(b) 64 concurrent appenders');
    await runLockstep('c', '(c) read whole log', (ps) => readWholeLogLockstep(ps, config.readBatch));
    await runLockstep('d', '(d) read streams', (ps) => readStreamsLockstep(ps, config.streams));
  } finally {
    for (const runner of runners.values()) await runner.subject.close();
  }

  const schemaNote =
    runners.has('raw') && runners.has('crm') ? compareSchemas(paths.raw, paths.crm) : undefined;
  if (!keepDir) rmSync(dir, { recursive: true, force: true });

  const get = (system: SystemKey, op: Operation): Outcome =>
    results.get(key(system, op)) ?? { kind: 'n/a', reason: 'not run' };
  const row = (op: Operation, operation: string, target: string, met?: Row['met']): Row => ({
    operation,
    crm: get('crm', op),
    raw: get('raw', op),
    emmett: get('emmett', op),
    target,
    ...(met ? { met } : {}),
  });
  const rows: Row[] = [
    row(
      'a',
      `(a) batched appends, ${config.batchSize.toLocaleString('en-US')} events/call`,
      '≥ 0.8× raw',
      (r) => r.raw !== undefined && r.crm! >= 0.8 * r.raw,
    ),
    row(
      'b',
      `(b) single-event appends, ${config.callers} concurrent callers, ${streamCount.toLocaleString('en-US')} streams`,
      '≥ 10,000/s and > Emmett',
      (r) => r.crm! >= 10_000 && (r.emmett === undefined || r.crm! > r.emmett),
    ),
    row(
      'c',
      `(c) read whole log (pages of ${config.readBatch.toLocaleString('en-US')})`,
      '≥ 100,000/s',
      (r) => r.crm! >= 100_000,
    ),
    row('d', `(d) read ${streamCount.toLocaleString('en-US')} streams, one call each`, '—'),
  ];

  const out = [
    '## Event store benchmark',
    '',
    ...header,
    `- load average at end (1/5/15 min): ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
    '',
    markdownTable(rows),
    '',
    ...footnotes(rows),
    ...(emmett && emmett.retries > 0
      ? [
          `- Emmett: ${emmett.retries} append(s) retried after a transient SQLITE_BUSY/SQLITE_MISUSE (see bench/event-store/emmett.ts).`,
        ]
      : []),
    ...(schemaNote ? [schemaNote] : []),
    '',
  ];
  process.stdout.write(out.join('\n'));
  if (failed.size > 0) process.exitCode = 1;
}

/** The raw baseline must use the adapter's schema: compare the two files' sqlite_master. */
function compareSchemas(rawPath: string, crmPath: string): string | undefined {
  const schema = (path: string): string[] => {
    const db = new Database(path, { readonly: true });
    try {
      return db
        .prepare<[], string>(
          "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name",
        )
        .pluck()
        .all()
        .map((s) => s.replace(/\s+/g, ' ').trim());
    } finally {
      db.close();
    }
  };
  const raw = schema(rawPath);
  const crm = schema(crmPath);
  if (JSON.stringify(raw) === JSON.stringify(crm)) return undefined;
  return `- WARNING: the raw baseline's schema differs from the adapter's; update EVENTS_DDL in bench/event-store/raw-sqlite.ts.\n  raw: ${raw.join('; ')}\n  crm: ${crm.join('; ')}`;
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
