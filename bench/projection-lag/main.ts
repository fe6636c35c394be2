import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { type DocumentChain, ProjectionHost } from '@crm/projection-runtime';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { type AuditEntry, auditTrail } from '@crm/projections/audit-trail';
import { customer360 } from '@crm/projections/customer-360';
import { loyaltyTier } from '@crm/projections/loyalty-tier';
import { opportunities } from '@crm/projections/opportunities';
import { type LagStats, lagStats } from './lag-stats';
import { timedReadStore } from './timed-read-store';
import { CustomerWorkload, type DecidedAppend } from './workload';

const USAGE = `npm run bench:projection-lag -- [options]

  --seconds N     how long to append (measured)              (default 20)
  --rate N        events appended per second                 (default 1000)
  --tick-ms N     append a burst every N ms                  (default 10)
  --customers N   customers registered before measuring      (default 2000)
  --batch-size N  runner batch size, every projection        (default 500)
  --seed N        PRNG seed of the command mix               (default 1)
  --dir PATH      where the database files go (kept); default a temp dir, removed after
`;

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '1000' },
    'tick-ms': { type: 'string', default: '10' },
    customers: { type: 'string', default: '2000' },
    'batch-size': { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The audit trail's hash chain, wired as the projection-runtime README shows. */
const auditTrailChain: DocumentChain<AuditEntry> = {
  link: (previous, next) => auditTrail.link(next, previous?.hash ?? auditTrail.genesisHash),
};

interface Evolving {
  ms: number;
  events: number;
}

/** The same definition, with the time spent in `evolve` added up (a `performance.now()` pair per event). */
function timedEvolve<TDoc extends ProjectionDocument>(
  definition: ProjectionDefinition<TDoc>,
  into: Evolving,
): ProjectionDefinition<TDoc> {
  return {
    ...definition,
    evolve: (doc, event) => {
      const started = performance.now();
      try {
        return definition.evolve(doc, event);
      } finally {
        into.ms += performance.now() - started;
        into.events++;
      }
    },
  };
}

function timedChain<TDoc extends ProjectionDocument>(chain: DocumentChain<TDoc>, into: Evolving) {
  return {
    link: (previous: TDoc | undefined, next: TDoc) => {
      const started = performance.now();
      try {
        return chain.link(previous, next);
      } finally {
        into.ms += performance.now() - started;
      }
    },
  } satisfies DocumentChain<TDoc>;
}

interface Tracked {
  readonly name: string;
  /** Global position → when this projection's checkpoint first covered it (performance.now()). */
  readonly coveredAt: Map<number, number>;
  readonly batchSizes: number[];
  readonly evolving: Evolving;
}

async function main(): Promise<void> {
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const seconds = positive('seconds', args.seconds);
  const rate = positive('rate', args.rate);
  const tickMs = positive('tick-ms', args['tick-ms']);
  const customers = positive('customers', args.customers);
  const batchSize = positive('batch-size', args['batch-size']);
  const seed = positive('seed', args.seed);
  const perTick = (rate * tickMs) / 1_000;
  const dir = args.dir ?? mkdtempSync(join(tmpdir(), 'crm-bench-projection-lag-'));
  const loadAtStart = loadavg();

  const events = SqliteEventStore.open({ path: join(dir, 'events.db') });
  const reads = SqliteReadStore.open({ path: join(dir, 'reads.db') });
  const timed = timedReadStore(reads);
  const host = new ProjectionHost({ source: events, readStore: timed.store, batchSize });
  const tracked: Tracked[] = [];
  let measuring = false;
  const track = (name: string): Tracked => {
    const entry: Tracked = {
      name,
      coveredAt: new Map(),
      batchSizes: [],
      evolving: { ms: 0, events: 0 },
    };
    tracked.push(entry);
    return entry;
  };
  const onBatchOf =
    (entry: Tracked) =>
    ({ events: batch }: { readonly events: readonly { readonly position: number }[] }) => {
      if (!measuring) return;
      const now = performance.now();
      entry.batchSizes.push(batch.length);
      for (const event of batch) entry.coveredAt.set(event.position, now);
    };
  const hosted = [
    (() => {
      const entry = track('customer360');
      const runner = host.add(timedEvolve(customer360, entry.evolving), { onBatch: onBatchOf(entry) });
      return { entry, runner };
    })(),
    (() => {
      const entry = track('loyaltyTier');
      const runner = host.add(timedEvolve(loyaltyTier, entry.evolving), { onBatch: onBatchOf(entry) });
      return { entry, runner };
    })(),
    (() => {
      const entry = track('auditTrail');
      const runner = host.add(timedEvolve(auditTrail, entry.evolving), {
        chain: timedChain(auditTrailChain, entry.evolving),
        poison: 'halt',
        onBatch: onBatchOf(entry),
      });
      return { entry, runner };
    })(),
    (() => {
      const entry = track('opportunities');
      const runner = host.add(timedEvolve(opportunities, entry.evolving), { onBatch: onBatchOf(entry) });
      return { entry, runner };
    })(),
  ];
  const collections = new Map(hosted.map(({ entry, runner }) => [entry.name, runner.collection]));

  const workload = new CustomerWorkload({ customers, seed });
  const appendedAt = new Map<number, number>();
  const commandCounts = new Map<string, number>();
  const eventTypeCounts = new Map<string, number>();
  const append = (decided: DecidedAppend, measured: boolean): Promise<void> =>
    events.append(decided.streamId, decided.events, decided.expectedRevision).then((result) => {
      const now = performance.now();
      if (result.deduplicated) throw new Error(`append for ${decided.streamId} was deduplicated`);
      if (!measured) return;
      for (const position of result.positions) appendedAt.set(position, now);
      commandCounts.set(decided.command, (commandCounts.get(decided.command) ?? 0) + 1);
      for (const event of decided.events)
        eventTypeCounts.set(event.type, (eventTypeCounts.get(event.type) ?? 0) + 1);
    });

  const loop = monitorEventLoopDelay({ resolution: 1 });
  try {
    // Setup, not measured: register the customers (six in ten with email marketing consent), bring every
    // projection to the head, start tailing.
    const setupStarted = performance.now();
    const setup: Promise<void>[] = [];
    for (let i = 0; i < customers; i++) {
      setup.push(append(workload.register(i), false));
      if (i % 10 < 6) setup.push(append(workload.consent(i), false));
    }
    await Promise.all(setup);
    await host.catchUp();
    const setupSeconds = (performance.now() - setupStarted) / 1_000;
    timed.timings.clear();
    for (const { evolving } of tracked) Object.assign(evolving, { ms: 0, events: 0 });
    host.start();
    measuring = true;
    loop.enable();
    const cpuAtStart = process.cpuUsage();

    // Measured: `rate` events/s of customer commands, in bursts every `tickMs`.
    const appends: Promise<void>[] = [];
    const started = performance.now();
    let issued = 0;
    // The schedule follows the clock, not the loop: a tick that starts late issues everything due by
    // then, so an overloaded process shows as lag instead of as a lower append rate.
    for (let elapsed = 0; elapsed < seconds * 1_000; elapsed = performance.now() - started) {
      const tick = Math.floor(elapsed / tickMs);
      while (issued < (tick + 1) * perTick) {
        const decided = workload.next();
        issued += decided.events.length;
        appends.push(append(decided, true));
      }
      await sleep(Math.max(0, started + (tick + 1) * tickMs - performance.now()));
    }
    await Promise.all(appends);
    const appendSeconds = (performance.now() - started) / 1_000;
    const head = await events.headPosition();
    while ((await host.statuses()).some((status) => status.position < head)) await sleep(5);
    loop.disable();
    const cpu = process.cpuUsage(cpuAtStart);
    const measuredSeconds = (performance.now() - started) / 1_000;
    await host.stop();
    const statuses = await host.statuses();
    const deadLetters = statuses.reduce((sum, status) => sum + status.deadLetters, 0);
    const documents = await Promise.all(
      statuses.map(async (status) => `${status.name} ${await reads.count(status.collection)}`),
    );

    // Lag per event and projection, and overall: the slowest projection's checkpoint.
    const positions = [...appendedAt.keys()].sort((a, b) => a - b);
    const lagOf = (entry: Tracked, position: number) =>
      (entry.coveredAt.get(position) ?? NaN) - (appendedAt.get(position) as number);
    const perProjection = tracked.map((entry) => ({
      entry,
      stats: lagStats(positions.map((position) => lagOf(entry, position))),
    }));
    const overall = lagStats(
      positions.map((position) => Math.max(...tracked.map((entry) => lagOf(entry, position)))),
    );
    const missing = tracked.filter((entry) => positions.some((p) => !entry.coveredAt.has(p)));
    if (missing.length > 0)
      throw new Error(`checkpoint never covered some events: ${missing.map((e) => e.name).join(', ')}`);

    const achieved = Math.round(positions.length / appendSeconds);
    const ms = (value: number) => value.toFixed(1);
    const row = (label: string, stats: LagStats) =>
      `| ${label} | ${stats.count} | ${achieved} | ${ms(stats.p50)} | ${ms(stats.p95)} | ${ms(stats.p99)} | ${ms(stats.max)} |`;
    const cores = cpus();
    const count = (counts: Map<string, number>) =>
      [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([name, n]) => `${name} ${n}`)
        .join(', ');
    const lines = [
      '## Projection lag, embedded mode',
      '',
      `- machine: ${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version} ` +
        `(${process.platform}/${process.arch}), load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' / ')}`,
      `- workload: ${seconds} s of ${rate} events/s in ~${perTick}-event bursts every ${tickMs} ms, ` +
        `customer commands decided by the customer decider over ${customers} customers registered ` +
        `(60 % with marketing consent) beforehand (setup ${setupSeconds.toFixed(1)} s, not measured), seed ${seed}`,
      `- commands: ${count(commandCounts)}`,
      `- events: ${count(eventTypeCounts)}`,
      `- stores: durable SQLite event store and SqliteReadStore, one ProjectionHost in the same process ` +
        `running customer360, loyaltyTier, auditTrail (hash chain, poison: halt) and opportunities, batch size ${batchSize}`,
      '',
      '| projection | events | achieved append rate (events/s) | p50 lag (ms) | p95 lag (ms) | p99 lag (ms) | max lag (ms) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...perProjection.map(({ entry, stats }) => row(entry.name, stats)),
      row('**overall (slowest projection)**', overall),
      '',
      `Target: p99 < 100 ms overall: **${overall.p99 < 100 ? 'met' : 'not met'}** (p99 ${ms(overall.p99)} ms).`,
      '',
      'Lag = when the slowest projection saved the checkpoint covering the event − when its append resolved;',
      'a per-projection row uses that projection’s own checkpoint.',
      `Documents: ${documents.join(', ')}; dead letters: ${deadLetters}.`,
      '',
      '### Where the time went (measured phase)',
      '',
      '| projection | batches | mean batch (events) | max batch | evolve + chain (ms) | getMany (ms) | bulkWrite (ms, docs) | checkpoint (ms) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...tracked.map((entry) => {
        const t = timed.timings.get(collections.get(entry.name) as string);
        const sizes = entry.batchSizes;
        const mean = sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length);
        return (
          `| ${entry.name} | ${sizes.length} | ${mean.toFixed(1)} | ${Math.max(0, ...sizes)} | ` +
          `${ms(entry.evolving.ms)} | ${ms(t?.getMany.ms ?? 0)} | ${ms(t?.bulkWrite.ms ?? 0)}, ${t?.bulkWrite.documents ?? 0} | ` +
          `${ms(t?.saveCheckpoint.ms ?? 0)} |`
        );
      }),
      '',
      `Slowest single read-store call: ${(() => {
        const calls = [...timed.timings].flatMap(([name, byCall]) =>
          Object.entries(byCall).map(([call, t]) => ({ name, call, maxMs: t.maxMs })),
        );
        const slowest = calls.sort((a, b) => b.maxMs - a.maxMs)[0];
        return slowest === undefined ? 'none' : `${slowest.call} on ${slowest.name}, ${ms(slowest.maxMs)} ms`;
      })()}.`,
      `Event-loop delay while measuring: p50 ${ms(loop.percentile(50) / 1e6)} ms, p99 ${ms(loop.percentile(99) / 1e6)} ms, ` +
        `max ${ms(loop.max / 1e6)} ms (appends, projections and stores share one thread); ` +
        `process CPU ${(((cpu.user + cpu.system) / 1e6 / measuredSeconds) * 100).toFixed(0)} % of one core ` +
        `(user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s over ${measuredSeconds.toFixed(1)} s).`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await host.stop();
    await events.close();
    await reads.close();
    if (args.dir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
