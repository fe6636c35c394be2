import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SNAPSHOT_EVERY } from '@crm/application';
import { type CustomerCommand, customerStream } from '@crm/domain';
import { machineDescription } from '../event-store/machine';
import { writeLongHistory } from './long-history';
import { type Kind, type Stats, stats, table } from './table';
import { commandRequest, customers, openStoreStack, snapshotAt, type SnapshotMode } from './store-stack';
import { integerOption } from '../integer-option';

const USAGE = `npm run bench:long-stream -- [options]

  --events N           events in each long customer's stream                  (default 10000)
  --snapshot-every N   the API's COMMAND_SNAPSHOT_EVERY                       (default ${DEFAULT_SNAPSHOT_EVERY})
  --samples N          cold commands timed on each kind of customer           (default 20)
  --warmup N           rounds run first and not counted (V8 compiles the path) (default 3)
  --dir PATH           data directory (kept); default a temp dir, removed after
  --help               this text
`;

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    'snapshot-every': { type: 'string', default: String(DEFAULT_SNAPSHOT_EVERY) },
    samples: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const log = (message: string): void => void process.stderr.write(`${message}\n`);

/** One kind of customer the same command is timed on, and how its process keeps snapshots. */
interface Subject extends Kind {
  readonly customerId: (round: number) => string;
  readonly mode: SnapshotMode;
}

const register = (customerId: string): CustomerCommand => ({
  type: 'RegisterCustomer',
  customerId,
  data: { name: 'Yeni Müşteri', email: `${customerId}@example.com.tr`, registeredVia: 'web' },
});

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
async function coldCommand(dataDir: string, subject: Subject, round: number): Promise<number> {
  const stack = await openStoreStack(dataDir, subject.mode);
  const customerId = subject.customerId(round);
  const purchaseId = `cold-${round}`;
  try {
    const warmUp = `warm-${customerId}-${round}`;
    await stack.executor.execute(customers, commandRequest(register(warmUp), warmUp));
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

/** The long customers' histories and snapshots, and one registered customer per round. */
async function prepare(dataDir: string, events: number, every: number, rounds: number): Promise<void> {
  const stack = await openStoreStack(dataDir, { every });
  try {
    const started = performance.now();
    const lastMark = Math.floor(events / every) * every - 1;
    // As the API leaves them: a snapshot at the last multiple of `every`, and one `every - 1` events behind.
    await writeLongHistory(stack.store, 'long-kept', events, new Date());
    await snapshotAt(stack, customerStream('long-kept'), lastMark);
    await writeLongHistory(stack.store, 'long-behind', lastMark + every, new Date());
    await snapshotAt(stack, customerStream('long-behind'), lastMark);
    await writeLongHistory(stack.store, 'long-none', events, new Date());
    for (let n = 0; n < rounds; n++) {
      await stack.executor.execute(customers, commandRequest(register(`fresh-${n}`), `register-${n}`));
    }
    log(`histories written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await stack.close();
  }
}

async function main(): Promise<void> {
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const events = integerOption('events', args.events, 2);
  const every = integerOption('snapshot-every', args['snapshot-every'], 1);
  const samples = integerOption('samples', args.samples, 1);
  const warmup = integerOption('warmup', args.warmup, 0);
  if (every > events) throw new RangeError('--snapshot-every must be at most --events');
  const keepDir = args.dir !== undefined;
  const dataDir = args.dir ?? mkdtempSync(join(tmpdir(), 'crm-bench-long-stream-'));
  mkdirSync(dataDir, { recursive: true });
  const lastMark = Math.floor(events / every) * every;
  const subjects: Subject[] = [
    { label: 'new customer', events: 1, customerId: (round) => `fresh-${round}`, mode: { every } },
    {
      label: `long customer, snapshot at event ${lastMark.toLocaleString('en-US')} (as the API keeps it)`,
      events,
      customerId: () => 'long-kept',
      mode: { every },
      target: true,
    },
    {
      label: `long customer, snapshot ${every - 1} events behind (the longest tail)`,
      events: lastMark + every - 1,
      customerId: () => 'long-behind',
      mode: 'read-only',
      target: true,
    },
    { label: 'long customer, snapshots off', events, customerId: () => 'long-none', mode: 'off' },
  ];
  const header = machineDescription({
    store:
      "the API's stack in this process: SQLite event store (WAL, synchronous=FULL, writer thread), personal fields sealed (AES-256-GCM, keys in keys.db), upcasters, CommandExecutor with its state cache and snapshots (snapshots.db, each customer's profile part sealed with their key)",
    workload: `customers with about ${events.toLocaleString('en-US')} events (registration, purchases, a return every 20th purchase) against customers with 1 event (their registration); snapshots every ${every} events; each sample opens a new store stack (new SQLite connections, empty key cache, empty command-state cache: what a restart empties), registers a customer of its own (not timed: start-up work), then times one RecordPurchase; ${warmup} warm-up rounds not counted; the kinds take turns going first`,
    'data directory': dataDir + (keepDir ? ' (kept)' : ' (temporary, removed after)'),
  });
  try {
    const rounds = warmup + samples;
    await prepare(dataDir, events, every, rounds);
    const timings = subjects.map((): number[] => []);
    for (let round = 0; round < rounds; round++) {
      const line: string[] = [];
      for (let turn = 0; turn < subjects.length; turn++) {
        const index = (round + turn) % subjects.length;
        const ms = await coldCommand(dataDir, subjects[index], round);
        if (round >= warmup) timings[index].push(ms);
        line[index] = ms.toFixed(2);
      }
      log(`round ${round + 1}/${rounds}${round < warmup ? ' (warm-up)' : ''}: ${line.join(' / ')} ms`);
    }
    const results: Stats[] = timings.map(stats);
    const { text, met } = table(subjects, results);
    if (!met) process.exitCode = 2;
    process.stdout.write(
      [
        '## Long streams: a command with a cold state cache',
        '',
        ...header,
        `- load average at end (1/5/15 min): ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' / ')}`,
        '',
        text,
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
