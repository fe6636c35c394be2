import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { discoverProjections } from '@crm/platform';
import { machineDescription } from '../event-store/machine';
import { buildApi } from '../http/server-process';
import { type LagPhaseResult, lagPhase } from './lag-phase';
import { lagMet, lagTable, type LagRow, throughputMet, throughputTable, type ThroughputRow } from './table';
import { removeRunData, runNames, testServers } from './test-servers';
import { type ThroughputResults, throughputPhases } from './throughput-phases';

const USAGE = `npm run bench:distributed -- [options]

Needs the test servers: npm run test:servers:start, then source .test-servers/env (KAFKA_BROKERS, MONGO_URL).

  --events N          demo events seeded for the relay and projection phases      (default 10000)
  --batch-size N      relay and projector batch size (RELAY_/PROJECTOR_BATCH_SIZE)  (default 500)
  --partitions N      partitions of the per-customer topic (BUS_PARTITIONS)       (default 6)
  --projections LIST  only these projections, comma-separated                     (default all)
  --customers N       customers registered before the lag phase                   (default 1000)
  --rate N            commands/s of the lag phase                                 (default 1000)
  --seconds N         duration of the lag phase                                   (default 20)
  --sample-every N    watch one acknowledged command in N for its read-model write (default 4)
  --poll-ms N         how often the watched documents are read, ms                (default 10)
  --json              print the results as JSON instead of markdown
  --skip-build        use the API already built in dist/ (npm run build)
  --help              this text
`;

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    'batch-size': { type: 'string', default: '500' },
    partitions: { type: 'string', default: '6' },
    projections: { type: 'string' },
    customers: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '20' },
    'sample-every': { type: 'string', default: '4' },
    'poll-ms': { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const RELAY_MIN_RATIO = 0.5;
const PROJECTION_MIN_RATIO = 0.5;
const MAX_LAG_P99_MS = 250;
/** Each throughput phase stops by then even if it has not seen every event (reported as incomplete). */
const PHASE_DEADLINE_MS = 45_000;

const startedAt = performance.now();
const log = (message: string): void =>
  void process.stderr.write(`[${((performance.now() - startedAt) / 1000).toFixed(1)} s] ${message}\n`);
const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const loads = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new RangeError(`--${name} must be a positive integer, got ${String(value)}`);
  return n;
}

function throughputRows(r: ThroughputResults, partitions: number): ThroughputRow[] {
  const produce = { label: 'raw produce', perSecond: r.rawProduce.events / r.rawProduce.seconds };
  return [
    { stage: 'raw kafkajs produce, to both topics with the relay settings', ...r.rawProduce },
    { stage: 'relay (EventRelay, KafkaEventBus)', ...r.relay, baseline: produce, minRatio: RELAY_MIN_RATIO },
    {
      stage: `raw kafkajs consume, per-customer topic (${partitions} partitions)`,
      ...r.rawConsume.partitioned,
    },
    { stage: 'raw kafkajs consume, ordered topic (1 partition)', ...r.rawConsume.ordered },
    ...r.projections.map(({ projection, rawUpsert }): ThroughputRow => {
      const stage = `projection ${projection.name} (${projection.delivery})${projection.completed ? '' : ' **incomplete**'}`;
      if (rawUpsert === undefined) return { stage, ...projection };
      return {
        stage,
        ...projection,
        baseline: {
          label: `raw bulk upsert, ${count(rawUpsert.meanDocumentBytes)} B docs`,
          perSecond: rawUpsert.upserts / rawUpsert.seconds,
        },
        minRatio: PROJECTION_MIN_RATIO,
      };
    }),
  ];
}

const lagRow = (lag: LagPhaseResult): LagRow => ({
  stage: 'append → customer-360 document in MongoDB',
  commandsPerSecond: lag.load.acknowledged / lag.load.seconds,
  samples: lag.lag.count,
  unseen: lag.unseen,
  p50: lag.lag.p50,
  p99: lag.lag.p99,
  max: lag.lag.max,
  maxP99Ms: MAX_LAG_P99_MS,
});

function notes(t: ThroughputResults, lag: LagPhaseResult, rate: number): string[] {
  const c = lag.commandLatency;
  return [
    `- seeded: ${count(t.seeded.events)} events of ${count(t.seeded.customers)} demo customers in ${t.seeded.seconds.toFixed(1)} s (not measured)`,
    `- relay: ${count(t.relay.batches)} batches; raw upserts per per-customer projection: ${t.projections
      .filter((p) => p.rawUpsert)
      .map(
        (p) =>
          `${p.projection.name} ${count(p.rawUpsert?.upserts ?? 0)} in ${p.rawUpsert?.seconds.toFixed(2)} s`,
      )
      .join(', ')}`,
    `- projection errors (batches redelivered): ${t.projections.map((p) => `${p.projection.name} ${p.projection.errors}`).join(', ')}`,
    `- lag phase: ${count(lag.load.sent)} RecordPurchase sent at ${rate}/s over ${lag.load.seconds.toFixed(1)} s, ` +
      `${count(lag.load.acknowledged)} acknowledged, ${count(lag.load.errors)} errors, ${count(lag.load.skipped)} skipped ` +
      `(API behind the pace), status ${JSON.stringify(lag.load.statusCodes)}`,
    `- command response time during the lag phase: p50 ${count(c.p50)} ms, p99 ${count(c.p99)} ms, max ${count(c.max)} ms`,
    `- load average at end (1/5/15 min): ${loads()}`,
  ];
}

async function main(): Promise<void> {
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const events = positive('events', args.events);
  const batchSize = positive('batch-size', args['batch-size']);
  const partitions = positive('partitions', args.partitions);
  const lagOptions = {
    customers: positive('customers', args.customers),
    perSecond: positive('rate', args.rate),
    seconds: positive('seconds', args.seconds),
    sampleEvery: positive('sample-every', args['sample-every']),
    pollMs: positive('poll-ms', args['poll-ms']),
  };
  const only = args.projections?.split(',');
  const definitions = discoverProjections().filter((d) => only === undefined || only.includes(d.name));
  const servers = testServers(process.env);
  const names = runNames();
  const dir = mkdtempSync(`${tmpdir()}/crm-bench-distributed-`);
  const header = machineDescription({
    servers: `Kafka at ${servers.brokers.join(',')}, MongoDB wire at ${servers.mongoUrl} (shared test servers; run ${names.prefix}, its topics and databases removed after)`,
    'throughput phases':
      `in this process, one stage at a time, over ${count(events)} seeded demo events; batch size ${batchSize}; ` +
      `${partitions} partitions; each throughput clocked from its first batch to its last event`,
    'lag phase': `the built API, relay and projector as processes (EVENT_STORE=sqlite EVENT_BUS=kafka READ_STORE=mongo KEY_STORE=mongo), ${count(lagOptions.customers)} customers, ${lagOptions.perSecond} RecordPurchase/s for ${lagOptions.seconds} s; lag = first poll (every ${lagOptions.pollMs} ms) showing the customer-360 document at the event − the event's recordedAt, 1 command in ${lagOptions.sampleEvery}`,
  });
  // Stopped from outside (Ctrl-C, a timeout): the run's topics and databases are still removed.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      log(`${signal}: removing ${names.prefix}'s topics and databases`);
      // Twice: a projector stopped mid-batch may write once more after the first drop.
      void removeRunData(servers, names)
        .then(() => removeRunData(servers, names))
        .finally(() => process.exit(130));
    });
  try {
    log('building the API (npm run build)');
    if (!args['skip-build']) buildApi();
    const throughput = await throughputPhases({
      servers,
      names,
      dir,
      events,
      batchSize,
      partitions,
      definitions,
      deadlineMs: PHASE_DEADLINE_MS,
      log,
    });
    const lag = await lagPhase({ servers, names, dataDir: `${dir}/api`, log, ...lagOptions });
    const rows = throughputRows(throughput, partitions);
    const lagRows = [lagRow(lag)];
    const met = rows.every((row) => throughputMet(row) !== false) && lagRows.every(lagMet);
    if (!met) process.exitCode = 2;
    if (args.json) {
      process.stdout.write(
        `${JSON.stringify({ header, throughput, lag: { ...lag, load: { ...lag.load, latenciesMs: undefined } }, rows, lagRows, met }, null, 2)}\n`,
      );
      return;
    }
    process.stdout.write(
      [
        '## Distributed pipeline benchmark',
        '',
        ...header,
        '',
        throughputTable(rows),
        '',
        lagTable(lagRows),
        '',
        ...notes(throughput, lag, lagOptions.perSecond),
        '',
      ].join('\n'),
    );
  } finally {
    await removeRunData(servers, names).catch((error: unknown) =>
      log(`cleaning up ${names.prefix}: ${String(error)}`),
    );
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
