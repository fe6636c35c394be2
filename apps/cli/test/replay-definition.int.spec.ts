import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventEnvelope, type Money, parseStreamName, upcast } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store';
import { findReadableProjection } from '@crm/platform';
import { SqliteReadStore } from '@crm/read-store';

const REPOSITORY = join(__dirname, '../../..');
const LAUNCHER = join(REPOSITORY, 'bin/crm.js');
// The last line a replay writes on stderr when it is a pipe (docs/cli.md, Conventions).
const FINAL_LINE = /^replay: \d+ events \| \d+ events\/s \| position (\d+) of (\d+) \| done in \d+\.\d s$/m;

/** An analyst's file: a runtime helper and types from @crm/domain, nothing else from the repository. */
const DEFINITION = `
import { parseStreamName, type EventEnvelope, type Money, type ProjectionDefinition } from '@crm/domain';

interface ChannelSpend {
  readonly [key: string]: unknown;
  readonly channel: string;
  readonly purchases: number;
  readonly tryKurus: number;
  readonly customers: readonly string[];
}

const channelOf = (event: EventEnvelope): string => (event.data as { channel?: string }).channel ?? 'none';

export const purchasesByChannel: ProjectionDefinition<ChannelSpend> = {
  name: 'purchases-by-channel',
  version: 1,
  handles: ['Purchased'],
  documentId: channelOf,
  initial: (channel) => ({ channel, purchases: 0, tryKurus: 0, customers: [] }),
  evolve: (doc, event) => {
    const { amount } = event.data as { amount: Money };
    const customer = parseStreamName(event.streamId)?.id ?? 'unknown';
    return {
      ...doc,
      purchases: doc.purchases + 1,
      tryKurus: doc.tryKurus + (amount.currency === 'TRY' ? amount.amount : 0),
      customers: doc.customers.includes(customer) ? doc.customers : [...doc.customers, customer],
    };
  },
  fields: [{ path: 'purchases', type: 'number' }],
};
`;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The built CLI as a user starts it (`bin/crm.js`, which builds apps/cli first when the build is stale), from
 * a folder outside the repository, with stderr a pipe (a progress line after every batch).
 */
function crm(cwd: string, dataDir: string, ...args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [LAUNCHER, ...args], {
    cwd,
    env: { ...process.env, CRM_DATA_DIR: dataDir, CRM_PROGRESS_INTERVAL: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The documents the definition should give, worked out from the log directly. */
async function expectedByChannel(dataDir: string): Promise<Record<string, unknown>> {
  const store = SqliteEventStore.open({ path: join(dataDir, 'events.db') });
  try {
    const purchases = (await store.readAll({ after: 0, limit: 100_000 }))
      .filter((event) => event.type === 'Purchased')
      .map(upcast) as EventEnvelope<'Purchased', { channel?: string; amount: Money }>[];
    const byChannel: Record<string, { purchases: number; tryKurus: number; customers: string[] }> = {};
    for (const { data, streamId } of purchases) {
      const doc = (byChannel[data.channel ?? 'none'] ??= { purchases: 0, tryKurus: 0, customers: [] });
      doc.purchases += 1;
      if (data.amount.currency === 'TRY') doc.tryKurus += data.amount.amount;
      const customer = parseStreamName(streamId)?.id as string;
      if (!doc.customers.includes(customer)) doc.customers.push(customer);
    }
    return Object.fromEntries(
      Object.entries(byChannel).map(([channel, doc]) => [channel, { channel, ...doc }]),
    );
  } finally {
    await store.close();
  }
}

describe('crm replay --definition <file outside the repository>', () => {
  let dataDir: string;
  let analysis: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-definition-data-'));
    // Seeding runs the API's modules, which read config/ from the working directory: the repository's.
    const seeded = await crm(REPOSITORY, dataDir, 'seed', '--customers', '25', '--no-progress');
    expect(seeded.code).toBe(0);
  }, 300_000);

  beforeEach(() => {
    analysis = mkdtempSync(join(tmpdir(), 'crm-analysis-'));
  });

  afterEach(() => rmSync(analysis, { recursive: true, force: true }));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('replays it into its own collection with progress, readable by name afterwards without the file', async () => {
    const file = join(analysis, 'purchases-by-channel.ts');
    writeFileSync(file, DEFINITION);

    const run = await crm(analysis, dataDir, 'replay', '--definition', file, '--batch-size', '100');

    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      collection: 'purchases_by_channel_v1',
      alias: 'purchases_by_channel',
      serving: true,
      interrupted: false,
      resumedFrom: 0,
    });
    const [, position, until] = FINAL_LINE.exec(run.stderr) ?? [];
    expect(Number(position)).toBe(summary.until);
    expect(Number(until)).toBe(summary.until);
    expect(summary.events).toBe(summary.until);

    rmSync(file);
    const reads = SqliteReadStore.open({ path: join(dataDir, 'read.db') });
    try {
      const found = await findReadableProjection('purchases-by-channel', reads);
      expect(found).toEqual({
        name: 'purchases-by-channel',
        version: 1,
        alias: 'purchases_by_channel',
        fields: [{ path: 'purchases', type: 'number' }],
        origin: 'ad-hoc',
      });
      const page = await reads.find(found?.alias as string, { limit: 100 });
      const documents = Object.fromEntries(page.items.map((item) => [item.id, item.body]));
      const expected = await expectedByChannel(dataDir);
      expect(Object.keys(expected).length).toBeGreaterThan(1);
      expect(documents).toEqual(expected);
    } finally {
      await reads.close();
    }

    const queried = await crm(analysis, dataDir, 'query', 'purchases-by-channel', '--where', 'purchases>=1');
    expect(queried.code).toBe(0);
    const lines = queried.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; body: unknown });
    expect(Object.fromEntries(lines.map((line) => [line.id, line.body]))).toEqual(
      await expectedByChannel(dataDir),
    );
  });

  it('refuses a file that is no valid definition, naming each problem, with exit code 1', async () => {
    const file = join(analysis, 'broken.ts');
    writeFileSync(
      file,
      DEFINITION.replace("name: 'purchases-by-channel'", "name: 'customer-360'").replace(
        "handles: ['Purchased']",
        "handles: ['Purchase']",
      ),
    );

    const run = await crm(analysis, dataDir, 'replay', '--definition', file);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('not a valid projection definition');
    expect(run.stderr).toContain('"customer-360" is taken by the registered projection "customer-360"');
    expect(run.stderr).toContain('unknown event type "Purchase"');
  });
});
