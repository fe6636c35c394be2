import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineDescription } from '../event-store/machine';
import { registerCustomers } from './customers';
import { health, waitForProjections } from './health';
import { withCpuShares } from './process-cpu';
import { ProjectionLagSampler } from './projection-lag';
import { allMet, type ApiPhases, jsonReport, markdownReport, type ReferencePhases, summary } from './report';
import {
  buildApi,
  freePort,
  type RunningServer,
  startBareServer,
  startNestFloorServer,
  startServer,
} from './server-process';
import { randomSecret, serviceToken } from './tokens';
import { type LoadOptions, readCustomer360, recordPurchases } from './workloads';
import { integerOption } from '../integer-option';

const USAGE = `npm run bench:http -- [options]

  --connections N   concurrent HTTP connections (autocannon)                   (default 64)
  --seconds N       duration of each measured phase                            (default 20)
  --customers N     customers registered before measuring                      (default 1000)
  --port N          port for bare Fastify, then the API; 0 picks a free one    (default 0)
  --dir PATH        the API's data directory (kept); default a temp dir, removed after
  --cpu-prof DIR    run the API with --cpu-prof, writing its profile into DIR
  --floor           also measure the framework floor (bench/http/nest-floor-server.ts): Nest,
                    the API's validation pipe and the CQRS buses, answering at once
  --json            print one JSON object instead of the markdown report
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
    floor: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const CATCH_UP_TIMEOUT_MS = 600_000;

const log = (message: string): void => void process.stderr.write(`${message}\n`);

type StartReference = (port: number, log: (line: string) => void) => Promise<RunningServer>;

/** The same requests, connections and duration as the API's phases, on a reference server in its own process. */
async function runReferencePhases(
  label: string,
  start: StartReference,
  port: number,
  load: Omit<LoadOptions, 'url'>,
): Promise<ReferencePhases> {
  log(`starting ${label} on port ${port}`);
  const server = await start(port, log);
  try {
    const options = { ...load, url: server.url };
    log(`${label} POST, ${load.connections} connections, ${load.seconds} s`);
    const post = await recordPurchases(options);
    log(summary(`${label} POST`, post));
    log(`${label} GET, ${load.connections} connections, ${load.seconds} s`);
    const get = await readCustomer360(options);
    log(summary(`${label} GET`, get));
    return { post, get };
  } finally {
    await server.stop();
  }
}

async function runApiPhases(server: RunningServer, dataDir: string, load: LoadOptions): Promise<ApiPhases> {
  const setupStart = Date.now();
  log(`registering ${load.customers} customers`);
  await registerCustomers(server.url, load.token, load.customers);
  const setupSeconds = (Date.now() - setupStart) / 1000;
  const settled = await waitForProjections(server.url, CATCH_UP_TIMEOUT_MS);
  const headBefore = settled.eventStore.headPosition;
  const checkpoints = (settled.projections ?? []).map((projection) => projection.collection);

  log(`RecordPurchase, ${load.connections} connections, ${load.seconds} s`);
  const sampler = new ProjectionLagSampler(dataDir, checkpoints);
  sampler.start();
  const writes = await withCpuShares(server.pid, () => recordPurchases(load)).finally(() => sampler.stop());
  const lag = sampler.result();
  log(summary('RecordPurchase', writes.result));
  log(`  projections' maximum lag: ${lag.maxLagMs} ms (${lag.projection ?? 'none behind'})`);
  const headAfterWrites = (await health(server.url)).eventStore.headPosition;

  log('waiting for the projections to reach the head of the log');
  const catchUpStart = Date.now();
  await waitForProjections(server.url, CATCH_UP_TIMEOUT_MS);
  const catchUpSeconds = (Date.now() - catchUpStart) / 1000;

  log(`customer-360 reads (GET /customers/:id), ${load.connections} connections, ${load.seconds} s`);
  const reads = await withCpuShares(server.pid, () => readCustomer360(load));
  log(summary('customer-360', reads.result));
  const finalHead = (await health(server.url)).eventStore.headPosition;
  return {
    setupSeconds,
    writes: writes.result,
    writeCpu: writes.cpu,
    lag,
    headBefore,
    headAfterWrites,
    catchUpSeconds,
    reads: reads.result,
    readCpu: reads.cpu,
    finalHead,
  };
}

async function main(): Promise<void> {
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const connections = integerOption('connections', args.connections, 1);
  const seconds = integerOption('seconds', args.seconds, 1);
  const customers = integerOption('customers', args.customers, 1);
  const requestedPort = integerOption('port', args.port, 0);
  const port = requestedPort === 0 ? await freePort() : requestedPort;
  const keepDir = args.dir !== undefined;
  const dataDir = args.dir ?? mkdtempSync(join(tmpdir(), 'crm-bench-http-'));
  mkdirSync(dataDir, { recursive: true });
  const jwtSecret = randomSecret();
  const load = { token: serviceToken(jwtSecret), connections, seconds, customers };

  const header = machineDescription({
    server:
      'the API as npm start runs it (nest build api, then node dist/apps/api/apps/api/src/main.js) in a child process (embedded mode: SQLite event store with group commits on a writer thread, SQLite read store, projections on a worker thread of the same process), durable (WAL, synchronous=FULL)',
    ceiling:
      'bare Fastify (bench/http/bare-server.ts) in a child process, first, on the same port: POST parses the JSON body and answers 201, GET answers a stored 1 KB JSON document',
    ...(args.floor
      ? {
          'framework floor':
            "bench/http/nest-floor-server.ts in a child process, after bare Fastify, on the same port: Nest on Fastify, the API's validation pipe with its RecordPurchase DTO, the CQRS CommandBus and QueryBus, handlers that answer at once (no authentication, rate limits, security headers, event store or read models)",
        }
      : {}),
    'load generator': `autocannon in the parent process (its garbage collection on its own thread: --single-threaded-gc, --max-semi-space-size=64), ${connections} connections, ${seconds} s per phase, the same requests and headers for bare Fastify and the API`,
    workload: `${customers.toLocaleString('en-US')} customers registered first; RecordPurchase on a random customer with a fresh purchase id and Idempotency-Key per request, the projections' lag sampled every 100 ms; then GET /customers/:id for a random customer after the projections caught up`,
    'data directory': dataDir + (keepDir ? ' (kept)' : ' (temporary, removed after)'),
  });
  log('building the API (npm run build)');
  buildApi();
  const bare = await runReferencePhases('bare Fastify', startBareServer, port, load);
  const floor = args.floor
    ? await runReferencePhases('the Nest floor', startNestFloorServer, port, load)
    : undefined;
  log(`starting the API on port ${port}, data in ${dataDir}`);
  const server = await startServer({ dataDir, port, jwtSecret, cpuProfileDir: args['cpu-prof'] }, log);
  try {
    const api = await runApiPhases(server, dataDir, { ...load, url: server.url });
    if (!allMet(api, bare, connections)) process.exitCode = 2;
    process.stdout.write(
      args.json
        ? `${JSON.stringify(jsonReport(api, bare, floor))}\n`
        : markdownReport(header, api, bare, connections, floor),
    );
  } finally {
    await server.stop();
    if (!keepDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
