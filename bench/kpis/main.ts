import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DAY_IN_MS } from '@crm/domain';
import { periodOf } from '@crm/projections/kpi-facts';
import { SqliteReadStore } from '@crm/read-store';
import { GetKpisHandler } from '../../apps/api/src/queries/kpis/get-kpis.handler';
import { GetKpisQuery } from '../../apps/api/src/queries/kpis/get-kpis.query';
import { KpiAggregatesFeed } from '../../apps/api/src/queries/kpis/kpi-aggregates-feed';
import { scanKpis } from './scan-baseline';

/**
 * GET /kpis in process (the query handler and the JSON of its answer, no HTTP) over a seeded data directory
 * (`CRM_DATA_DIR`, filled by `npm run seed -- --customers 10000`, then the read models rebuilt at their
 * current versions: `crm rebuild kpi-facts`, `crm rebuild kpi-customers`). Prints one markdown table.
 */
const RUNS = Number(process.env.KPI_BENCH_RUNS ?? 50);
const BASELINE_RUNS = Number(process.env.KPI_BENCH_BASELINE_RUNS ?? 3);
/** The demo history's last day (libs/demo-data): the periods end there. */
const TO = '2026-11-22T00:00:00.000Z';
const WINDOWS = [
  { name: 'whole two-year history (731 days)', days: 731, maxP50Ms: 500 },
  { name: '30 days', days: 30, maxP50Ms: 500 },
];

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

async function timed(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

async function main(): Promise<void> {
  const dataDir = process.env.CRM_DATA_DIR;
  if (dataDir === undefined) throw new Error('set CRM_DATA_DIR to a seeded data directory');
  const store = SqliteReadStore.open({ path: join(dataDir, 'read.db') });
  const loadBefore = load();
  const handler = new GetKpisHandler(new KpiAggregatesFeed(store));
  const report = (from: string) => handler.execute(new GetKpisQuery(from, TO)).then(JSON.stringify);
  const fromOf = (days: number) => new Date(Date.parse(TO) - days * DAY_IN_MS).toISOString();

  const coldStarted = performance.now();
  const first = await report(fromOf(731));
  const coldMs = performance.now() - coldStarted;

  const rows: string[] = [];
  for (const window of WINDOWS) {
    const from = fromOf(window.days);
    const warm = await timed(RUNS, () => report(from));
    let scanned = '';
    const scan = await timed(BASELINE_RUNS, async () => {
      scanned = JSON.stringify(await scanKpis(store, periodOf(from, TO)));
    });
    const identical = JSON.stringify((await handler.execute(new GetKpisQuery(from, TO))).kpis) === scanned;
    const p50 = percentile(warm, 50);
    rows.push(
      `| ${window.name} | ${RUNS} | ${p50.toFixed(1)} | ${percentile(warm, 99).toFixed(1)} | ` +
        `${percentile(scan, 50).toFixed(0)} (${BASELINE_RUNS} runs) | ${(percentile(scan, 50) / p50).toFixed(0)}× | ` +
        `${identical ? 'yes' : '**no**'} | p50 ≤ ${window.maxP50Ms} ms | ${p50 <= window.maxP50Ms ? 'yes' : 'no'} |`,
    );
  }
  await store.close();
  console.log(
    [
      `GET /kpis in process, to = ${TO}; first report (reads every fact once): ${coldMs.toFixed(0)} ms, ${first.length} bytes`,
      '',
      '| period | runs | p50 (ms) | p99 (ms) | baseline: scan of every fact, p50 (ms) | p50 ratio | same KPIs as the scan | target | met? |',
      '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
      ...rows,
      '',
      `load average (1, 5, 15 min) before: ${loadBefore}; after: ${load()}`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
