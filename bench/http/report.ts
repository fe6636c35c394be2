import { loadavg } from 'node:os';
import type { CpuShares } from './process-cpu';
import type { ProjectionLag } from './projection-lag';
import { floorRatioTable, lagSpreadTable, lagTable, markdownTable, met, type Row } from './table';
import type { Measurement } from './workloads';

/** The targets of issue 21: ratios to bare Fastify measured in the same run, never absolute rates. */
export const TARGETS = {
  commands: { minRatio: 0.25, maxP99Ms: 50 },
  reads: { minRatio: 0.5, maxP99Ms: 10 },
  maxLagMs: 1_000,
} as const;

/** The same requests on a reference server: bare Fastify (`bare-server.ts`) or the Nest floor. */
export interface ReferencePhases {
  readonly post: Measurement;
  readonly get: Measurement;
}

export interface ApiPhases {
  readonly setupSeconds: number;
  readonly writes: Measurement;
  readonly writeCpu: CpuShares;
  readonly lag: ProjectionLag;
  readonly headBefore: number;
  readonly headAfterWrites: number;
  readonly catchUpSeconds: number;
  readonly reads: Measurement;
  readonly readCpu: CpuShares;
  readonly finalHead: number;
}

/** What `--json` prints: one object, the figures the targets are judged on. */
export interface JsonReport {
  readonly commands: { readonly rps: number; readonly p99Ms: number };
  readonly reads: { readonly rps: number; readonly p99Ms: number };
  readonly bare: { readonly post: { readonly rps: number }; readonly get: { readonly rps: number } };
  readonly projections: { readonly maxLagMs: number };
  /** With `--floor`: the same requests on `nest-floor-server.ts`. */
  readonly floor?: { readonly post: { readonly rps: number }; readonly get: { readonly rps: number } };
}

export const loads = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

const percent = (share: number | undefined): string =>
  share === undefined ? 'n/a' : `${Math.round(share * 100)} %`;

export function summary(label: string, m: Measurement): string {
  return `  ${label}: ${Math.round(m.requestsPerSecond).toLocaleString('en-US')}/s, p50 ${m.p50} ms, p99 ${m.p99} ms, max ${m.max} ms, errors ${m.errors} (status ${JSON.stringify(m.statusCodes)})`;
}

/** Where the API's share of bare Fastify goes: the framework floor's share, then the API's own work on top. */
function floorTable(api: ApiPhases, bare: ReferencePhases, floor: ReferencePhases): string {
  return floorRatioTable([
    { workload: 'RecordPurchase (POST)', bare: bare.post, floor: floor.post, api: api.writes },
    { workload: 'customer-360 (GET)', bare: bare.get, floor: floor.get, api: api.reads },
  ]);
}

function rows(api: ApiPhases, bare: ReferencePhases, connections: number): Row[] {
  return [
    {
      workload: `RecordPurchase commands (bare: POST answering 201), ${connections} connections`,
      measurement: api.writes,
      bare: bare.post,
      ...TARGETS.commands,
    },
    {
      workload: `customer-360 reads, GET /customers/:id (bare: a stored 1 KB document), ${connections} connections`,
      measurement: api.reads,
      bare: bare.get,
      ...TARGETS.reads,
    },
  ];
}

/** Shares of one core's time: the main thread's run and wait show whether it was starved of a CPU. */
function cpuLine(cpu: CpuShares): string {
  return (
    `API process ${percent(cpu.api)} of one core; its main thread ran ${percent(cpu.apiMainRun)} of the time and ` +
    `waited, runnable, for a CPU ${percent(cpu.apiMainWait)}; load generator ${percent(cpu.loadGenerator)} of one core`
  );
}

function notes(api: ApiPhases, bare: ReferencePhases): string[] {
  const appended = api.headAfterWrites - api.headBefore;
  const durable = appended >= api.writes.succeeded;
  const bareLine = (label: string, m: Measurement): string =>
    `- bare ${label}: ${m.succeeded.toLocaleString('en-US')} answered 2xx in ${m.seconds} s, p99 ${m.p99} ms, errors ${m.errors}`;
  return [
    bareLine('POST', bare.post),
    bareLine('GET', bare.get),
    `- setup: customers registered in ${api.setupSeconds.toFixed(1)} s (not measured); head position ${api.headBefore} before the RecordPurchase phase`,
    `- RecordPurchase: ${api.writes.succeeded.toLocaleString('en-US')} commands answered 2xx in ${api.writes.seconds} s; ` +
      `${appended.toLocaleString('en-US')} events appended (head ${api.headBefore} → ${api.headAfterWrites}): ` +
      `${durable ? 'every acknowledged command is in the log' : '**fewer events than acknowledged commands**'}`,
    `- projection lag: ${api.lag.samples} samples, one every 100 ms during the RecordPurchase phase; projections reached head ${api.headAfterWrites} ${api.catchUpSeconds.toFixed(1)} s after it ended`,
    `- customer-360 reads: ${api.reads.succeeded.toLocaleString('en-US')} answered 2xx in ${api.reads.seconds} s; status codes ${JSON.stringify(api.reads.statusCodes)}`,
    `- CPU during the RecordPurchase phase: ${cpuLine(api.writeCpu)}`,
    `- CPU during the customer-360 phase: ${cpuLine(api.readCpu)}`,
    `- final head position: ${api.finalHead}`,
    `- load average at end (1/5/15 min): ${loads()}`,
  ];
}

export function allMet(api: ApiPhases, bare: ReferencePhases, connections: number): boolean {
  return rows(api, bare, connections).every(met) && api.lag.maxLagMs <= TARGETS.maxLagMs;
}

export function markdownReport(
  header: readonly string[],
  api: ApiPhases,
  bare: ReferencePhases,
  connections: number,
  floor?: ReferencePhases,
): string {
  return [
    '## HTTP API benchmark',
    '',
    ...header,
    '',
    markdownTable(rows(api, bare, connections)),
    '',
    ...(floor ? [floorTable(api, bare, floor), ''] : []),
    lagTable(api.lag.maxLagMs, api.lag.projection, TARGETS.maxLagMs),
    '',
    lagSpreadTable(api.lag.byProjection),
    '',
    ...notes(api, bare),
    '',
  ].join('\n');
}

const rates = (phases: ReferencePhases) => ({
  post: { rps: phases.post.requestsPerSecond },
  get: { rps: phases.get.requestsPerSecond },
});

export function jsonReport(api: ApiPhases, bare: ReferencePhases, floor?: ReferencePhases): JsonReport {
  return {
    commands: { rps: api.writes.requestsPerSecond, p99Ms: api.writes.p99 },
    reads: { rps: api.reads.requestsPerSecond, p99Ms: api.reads.p99 },
    bare: rates(bare),
    projections: { maxLagMs: api.lag.maxLagMs },
    ...(floor ? { floor: rates(floor) } : {}),
  };
}
