import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { NewEvent } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { ProjectionRunner } from '@crm/projection-runtime';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { eventCounter } from './event-counter.projection';
import { lagStats } from './lag-stats';

const USAGE = `npm run bench:projection-lag -- [options]

  --seconds N     how long to append                      (default 20)
  --rate N        events appended per second              (default 1000)
  --tick-ms N     append a burst every N ms               (default 10)
  --streams N     customer streams the events spread over (default 500)
  --batch-size N  runner batch size                       (default 500)
  --dir PATH      where the database files go (kept); default a temp dir, removed after
`;

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '1000' },
    'tick-ms': { type: 'string', default: '10' },
    streams: { type: 'string', default: '500' },
    'batch-size': { type: 'string', default: '500' },
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

function purchase(index: number): NewEvent {
  const id = `bench-${index}`;
  return {
    id,
    type: 'Purchased',
    schemaVersion: 2,
    occurredAt: new Date().toISOString(),
    data: { purchaseId: id, amount: { amount: 1_000, currency: 'TRY' } },
    metadata: {
      actor: { id: 'bench', kind: 'service', roles: ['service'] },
      commandId: id,
      correlationId: id,
      causationId: id,
      source: 'bench-projection-lag',
    },
  };
}

async function main(): Promise<void> {
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const seconds = positive('seconds', args.seconds);
  const rate = positive('rate', args.rate);
  const tickMs = positive('tick-ms', args['tick-ms']);
  const streams = positive('streams', args.streams);
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1_000));
  const dir = args.dir ?? mkdtempSync(join(tmpdir(), 'crm-bench-projection-lag-'));

  const events = SqliteEventStore.open({ path: join(dir, 'events.db') });
  const reads = SqliteReadStore.open({ path: join(dir, 'reads.db') });
  const appendedAt = new Map<number, number>();
  const appliedAt = new Map<number, number>();
  const runner = new ProjectionRunner({
    definition: eventCounter,
    source: events,
    readStore: reads,
    batchSize: positive('batch-size', args['batch-size']),
    onBatch: ({ events: batch }) => {
      const now = performance.now();
      for (const event of batch) appliedAt.set(event.position, now);
    },
  });

  try {
    runner.start();
    const appends: Promise<void>[] = [];
    const started = performance.now();
    let index = 0;
    for (let tick = 0; performance.now() - started < seconds * 1_000; tick++) {
      for (let i = 0; i < perTick; i++, index++) {
        const streamId = `customer-bench-${index % streams}`;
        appends.push(
          events.append(streamId, [purchase(index)], 'any').then((result) => {
            appendedAt.set(result.positions[0], performance.now());
          }),
        );
      }
      await sleep(Math.max(0, started + (tick + 1) * tickMs - performance.now()));
    }
    await Promise.all(appends);
    const appendSeconds = (performance.now() - started) / 1_000;
    const head = await events.headPosition();
    while ((await runner.status()).position < head) await sleep(5);
    await runner.stop();

    const lags = [...appendedAt].map(([position, at]) => (appliedAt.get(position) ?? NaN) - at);
    const stats = lagStats(lags);
    const ms = (value: number) => value.toFixed(1);
    const lines = [
      `Projection lag: ${seconds} s of ${rate} events/s in ${perTick}-event bursts every ${tickMs} ms, ` +
        `durable SQLite event and read stores, one runner tailing in the same process ` +
        `(${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}).`,
      '',
      '| events | achieved append rate (events/s) | p50 lag (ms) | p95 lag (ms) | p99 lag (ms) | max lag (ms) | target | met? |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
      `| ${stats.count} | ${Math.round(stats.count / appendSeconds)} | ${ms(stats.p50)} | ${ms(stats.p95)} | ` +
        `${ms(stats.p99)} | ${ms(stats.max)} | p99 < 100 ms | ${stats.p99 < 100 ? 'yes' : 'no'} |`,
      '',
      'Lag = when the runner saved the checkpoint covering the event − when its append resolved.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await runner.stop();
    await events.close();
    await reads.close();
    if (args.dir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
