import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CustomerCommand } from '@crm/domain';
import { machineDescription } from '../event-store/machine';
import { writeLongHistory } from './long-history';
import { commandRequest, customers, openStoreStack } from './store-stack';

const USAGE = `npm run bench:long-stream -- [options]

  --events N    events in the long customer's stream                         (default 10000)
  --samples N   cold commands timed on each stream                           (default 20)
  --warmup N    samples run first and not counted (V8 compiles the path)     (default 3)
  --dir PATH    data directory (kept); default a temp dir, removed after
  --help        this text
`;

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    samples: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const MAX_RATIO = 2;
const LONG_CUSTOMER = 'long-0';
const freshCustomer = (n: number): string => `fresh-${n}`;

const log = (message: string): void => void process.stderr.write(`${message}\n`);

function integer(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new RangeError(`--${name} must be an integer ≥ ${min}, got ${String(value)}`);
  return n;
}

const purchase = (customerId: string, purchaseId: string): CustomerCommand => ({
  type: 'RecordPurchase',
  customerId,
  data: { purchaseId, amount: { amount: 12_500, currency: 'TRY' } },
});

/**
 * Milliseconds one RecordPurchase takes on `customerId` in a store stack opened for it alone. The stack
 * first registers a customer of its own, so that what a process does once after start-up (the writer
 * thread, the key store's statements) is not timed: the API has done it before its first request.
 */
async function coldCommand(dataDir: string, customerId: string, purchaseId: string): Promise<number> {
  const stack = await openStoreStack(dataDir);
  try {
    const warmUp = `warm-${customerId}-${purchaseId}`;
    const register: CustomerCommand = {
      type: 'RegisterCustomer',
      customerId: warmUp,
      data: { name: 'Isınma', email: `${warmUp}@example.com.tr`, registeredVia: 'web' },
    };
    await stack.executor.execute(customers, commandRequest(register, warmUp));
    const started = performance.now();
    await stack.executor.execute(
      customers,
      commandRequest(purchase(customerId, purchaseId), `${customerId}-${purchaseId}`),
    );
    return performance.now() - started;
  } finally {
    await stack.close();
  }
}

async function prepare(dataDir: string, events: number, fresh: number): Promise<number> {
  const stack = await openStoreStack(dataDir);
  try {
    const started = performance.now();
    const revision = await writeLongHistory(stack.store, LONG_CUSTOMER, events, new Date());
    log(
      `${revision + 1} events written for ${LONG_CUSTOMER} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    for (let n = 0; n < fresh; n++) {
      const register: CustomerCommand = {
        type: 'RegisterCustomer',
        customerId: freshCustomer(n),
        data: { name: `Yeni Müşteri ${n}`, email: `fresh-${n}@example.com.tr`, registeredVia: 'web' },
      };
      await stack.executor.execute(customers, commandRequest(register, `register-${n}`));
    }
    return revision + 1;
  } finally {
    await stack.close();
  }
}

interface Stats {
  readonly median: number;
  readonly p90: number;
  readonly max: number;
}

function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1] };
}

const ms = (value: number): string => value.toFixed(2);

function table(longEvents: number, long: Stats, fresh: Stats, samples: number): string {
  const ratio = long.median / fresh.median;
  const line = (values: readonly string[]): string => `| ${values.join(' | ')} |`;
  return [
    line([
      'RecordPurchase, cold state cache',
      'events in the stream',
      'samples',
      'median (ms)',
      'p90 (ms)',
      'max (ms)',
      'ratio (medians)',
      'target',
      'met?',
    ]),
    line(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---']),
    line([
      'new customer',
      '1',
      String(samples),
      ms(fresh.median),
      ms(fresh.p90),
      ms(fresh.max),
      '1.00×',
      '—',
      '—',
    ]),
    line([
      'long customer',
      longEvents.toLocaleString('en-US'),
      String(samples),
      ms(long.median),
      ms(long.p90),
      ms(long.max),
      `${ratio.toFixed(2)}×`,
      `≤ ${MAX_RATIO}× new`,
      ratio <= MAX_RATIO ? 'yes' : 'no',
    ]),
  ].join('\n');
}

async function main(): Promise<void> {
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const events = integer('events', args.events, 2);
  const samples = integer('samples', args.samples, 1);
  const warmup = integer('warmup', args.warmup, 0);
  const keepDir = args.dir !== undefined;
  const dataDir = args.dir ?? mkdtempSync(join(tmpdir(), 'crm-bench-long-stream-'));
  mkdirSync(dataDir, { recursive: true });
  const header = machineDescription({
    store:
      "the API's stack in this process: SQLite event store (WAL, synchronous=FULL, writer thread), personal fields sealed (AES-256-GCM, keys in keys.db), upcasters, CommandExecutor",
    workload: `one customer with ${events.toLocaleString('en-US')} events (registration, purchases, a return every 20th purchase) against customers with 1 event (their registration); each sample opens a new store stack (new SQLite connection, empty key cache, empty command-state cache: what a restart empties), registers a customer of its own (not timed: start-up work), then times one RecordPurchase; ${warmup} warm-up samples not counted; the two kinds alternate which goes first`,
    'data directory': dataDir + (keepDir ? ' (kept)' : ' (temporary, removed after)'),
  });
  try {
    const rounds = warmup + samples;
    const longEvents = await prepare(dataDir, events, rounds);
    const long: number[] = [];
    const fresh: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const purchaseId = `cold-${round}`;
      const timeLong = () => coldCommand(dataDir, LONG_CUSTOMER, purchaseId);
      const timeFresh = () => coldCommand(dataDir, freshCustomer(round), purchaseId);
      const [first, second] = round % 2 === 0 ? [timeLong, timeFresh] : [timeFresh, timeLong];
      const a = await first();
      const b = await second();
      const [l, f] = round % 2 === 0 ? [a, b] : [b, a];
      log(
        `round ${round + 1}/${rounds}${round < warmup ? ' (warm-up)' : ''}: long ${ms(l)} ms, new ${ms(f)} ms`,
      );
      if (round < warmup) continue;
      long.push(l);
      fresh.push(f);
    }
    const longStats = stats(long);
    const freshStats = stats(fresh);
    if (longStats.median / freshStats.median > MAX_RATIO) process.exitCode = 2;
    process.stdout.write(
      [
        '## Long streams: a command with a cold state cache',
        '',
        ...header,
        `- load average at end (1/5/15 min): ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' / ')}`,
        '',
        table(longEvents, longStats, freshStats, samples),
        '',
      ].join('\n'),
    );
  } finally {
    if (!keepDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
