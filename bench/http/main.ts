import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineDescription } from '../event-store/machine';
import { registerCustomers } from './customers';
import { health, waitForProjections } from './health';
import { type CpuShares, withCpuShares } from './process-cpu';
import { buildApi, freePort, type RunningServer, startServer } from './server-process';
import { markdownTable, met, type Row } from './table';
import { randomSecret, serviceToken } from './tokens';
import { type LoadOptions, type Measurement, readCustomer360, recordPurchases } from './workloads';

const USAGE = `npm run bench:http -- [options]

  --connections N   concurrent HTTP connections (autocannon)                   (default 64)
  --seconds N       duration of each measured phase                            (default 20)
  --customers N     customers registered before measuring                      (default 1000)
  --port N          port for the API; 0 picks a free one                       (default 0)
  --dir PATH        the API's data directory (kept); default a temp dir, removed after
  --cpu-prof DIR    run the API with --cpu-prof, writing its profile into DIR
  --help            this text
`;

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '64' },
    seconds: { type: 'string', default: '20' },
    customers: { type: 'string', default: '1000' },
    port: { type: 'string', default: '0' },
    dir: { type: 'string' },
    'cpu-prof': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const CATCH_UP_TIMEOUT_MS = 600_000;

const log = (message: string): void => void process.stderr.write(`${message}\n`);

function integer(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new RangeError(`--${name} must be an integer ≥ ${min}, got ${String(value)}`);
  return n;
}

const loads = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

const percent = (share: number | undefined): string =>
  share === undefined ? 'n/a' : `${Math.round(share * 100)} %`;

function summary(label: string, m: Measurement): string {
  return `  ${label}: ${Math.round(m.requestsPerSecond).toLocaleString('en-US')}/s, p50 ${m.p50} ms, p99 ${m.p99} ms, max ${m.max} ms, errors ${m.errors} (status ${JSON.stringify(m.statusCodes)})`;
}

interface Phases {
  readonly setupSeconds: number;
  readonly writes: Measurement;
  readonly writeCpu: CpuShares;
  readonly headBefore: number;
  readonly headAfterWrites: number;
  readonly catchUpSeconds: number;
  readonly reads: Measurement;
  readonly readCpu: CpuShares;
  readonly finalHead: number;
}

async function runPhases(server: RunningServer, load: LoadOptions): Promise<Phases> {
  const setupStart = Date.now();
  log(`registering ${load.customers} customers`);
  await registerCustomers(server.url, load.token, load.customers);
  const setupSeconds = (Date.now() - setupStart) / 1000;
  await waitForProjections(server.url, CATCH_UP_TIMEOUT_MS);
  const headBefore = (await health(server.url)).eventStore.headPosition;

  log(`phase 1: RecordPurchase, ${load.connections} connections, ${load.seconds} s`);
  const writes = await withCpuShares(server.pid, () => recordPurchases(load));
  log(summary('RecordPurchase', writes.result));
  const headAfterWrites = (await health(server.url)).eventStore.headPosition;

  log('waiting for the projections to reach the head of the log');
  const catchUpStart = Date.now();
  await waitForProjections(server.url, CATCH_UP_TIMEOUT_MS);
  const catchUpSeconds = (Date.now() - catchUpStart) / 1000;

  log(`phase 2: GET /customers/:id, ${load.connections} connections, ${load.seconds} s`);
  const reads = await withCpuShares(server.pid, () => readCustomer360(load));
  log(summary('customer-360', reads.result));
  const finalHead = (await health(server.url)).eventStore.headPosition;
  return {
    setupSeconds,
    writes: writes.result,
    writeCpu: writes.cpu,
    headBefore,
    headAfterWrites,
    catchUpSeconds,
    reads: reads.result,
    readCpu: reads.cpu,
    finalHead,
  };
}

function rows(phases: Phases, connections: number): Row[] {
  return [
    {
      workload: `RecordPurchase commands, ${connections} connections`,
      measurement: phases.writes,
      minPerSecond: 3_000,
      maxP99Ms: 50,
    },
    {
      workload: `customer-360 reads (GET /customers/:id), ${connections} connections`,
      measurement: phases.reads,
      minPerSecond: 5_000,
      maxP99Ms: 10,
    },
  ];
}

function notes(phases: Phases): string[] {
  const appended = phases.headAfterWrites - phases.headBefore;
  const durable = appended >= phases.writes.succeeded;
  return [
    `- setup: customers registered in ${phases.setupSeconds.toFixed(1)} s (not measured); head position ${phases.headBefore} before phase 1`,
    `- RecordPurchase: ${phases.writes.succeeded.toLocaleString('en-US')} commands answered 2xx in ${phases.writes.seconds} s; ` +
      `${appended.toLocaleString('en-US')} events appended (head ${phases.headBefore} → ${phases.headAfterWrites}): ` +
      `${durable ? 'every acknowledged command is in the log' : '**fewer events than acknowledged commands**'}`,
    `- projections reached head ${phases.headAfterWrites} ${phases.catchUpSeconds.toFixed(1)} s after phase 1 ended`,
    `- customer-360 reads: ${phases.reads.succeeded.toLocaleString('en-US')} answered 2xx in ${phases.reads.seconds} s; status codes ${JSON.stringify(phases.reads.statusCodes)}`,
    `- CPU during phase 1: ${cpuLine(phases.writeCpu)}`,
    `- CPU during phase 2: ${cpuLine(phases.readCpu)}`,
    `- final head position: ${phases.finalHead}`,
    `- load average at end (1/5/15 min): ${loads()}`,
  ];
}

/** Shares of one core's time: the main thread's run and wait show whether it was starved of a CPU. */
function cpuLine(cpu: CpuShares): string {
  return (
    `API process ${percent(cpu.api)} of one core; its main thread ran ${percent(cpu.apiMainRun)} of the time and ` +
    `waited, runnable, for a CPU ${percent(cpu.apiMainWait)}; load generator ${percent(cpu.loadGenerator)} of one core`
  );
}

function report(header: string[], phases: Phases, connections: number): string {
  const table = rows(phases, connections);
  if (!table.every(met)) process.exitCode = 2;
  return ['## HTTP API benchmark', '', ...header, '', markdownTable(table), '', ...notes(phases), ''].join(
    '\n',
  );
}

async function main(): Promise<void> {
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const connections = integer('connections', args.connections, 1);
  const seconds = integer('seconds', args.seconds, 1);
  const customers = integer('customers', args.customers, 1);
  const requestedPort = integer('port', args.port, 0);
  const port = requestedPort === 0 ? await freePort() : requestedPort;
  const keepDir = args.dir !== undefined;
  const dataDir = args.dir ?? mkdtempSync(join(tmpdir(), 'crm-bench-http-'));
  mkdirSync(dataDir, { recursive: true });
  const jwtSecret = randomSecret();

  const header = machineDescription({
    server:
      'the API as npm start runs it (nest build api, then node dist/apps/api/apps/api/src/main.js) in a child process (embedded mode: SQLite event store with group commits on a writer thread, SQLite read store, projections on a worker thread of the same process), durable (WAL, synchronous=FULL)',
    'load generator': `autocannon in the parent process (its garbage collection on its own thread: --single-threaded-gc, --max-semi-space-size=64), ${connections} connections, ${seconds} s per phase`,
    workload: `${customers.toLocaleString('en-US')} customers registered first; phase 1 RecordPurchase on a random customer with a fresh purchase id and Idempotency-Key per request; phase 2 GET /customers/:id for a random customer after the projections caught up`,
    'data directory': dataDir + (keepDir ? ' (kept)' : ' (temporary, removed after)'),
  });
  log('building the API (npm run build)');
  buildApi();
  log(`starting the API on port ${port}, data in ${dataDir}`);
  const server = await startServer({ dataDir, port, jwtSecret, cpuProfileDir: args['cpu-prof'] }, log);
  try {
    const load: LoadOptions = {
      url: server.url,
      token: serviceToken(jwtSecret),
      connections,
      seconds,
      customers,
    };
    const phases = await runPhases(server, load);
    process.stdout.write(report(header, phases, connections));
  } finally {
    await server.stop();
    if (!keepDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
