import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandExecutor, customerAggregate, requestHash } from '@crm/application';
import type { CustomerCommand } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store';

const CUSTOMERS = 300;
const issuer = {
  actor: { id: 'svc-import', kind: 'service' as const, roles: ['service'] },
  correlationId: 'corr-progress',
  source: 'import',
};
// What the CLI prints on stderr when it is a pipe: label, share done, count, rate, detail, ETA.
const PROGRESS_LINE = /^(export|replay): \d+% \| \d+ events \| \d+ events\/s \| .+ \| ETA \d+(s|m\d\ds)$/;
const FINAL_LINE = /^(export|replay): \d+ events \| \d+ events\/s \| .+ \| done in \d+\.\d s$/;

/** The CLI from its sources (tsx), with stderr a pipe as in a CI log; a line after every batch. */
function crm(dataDir: string, ...args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../src/main.ts'), ...args], {
    env: { ...process.env, CRM_DATA_DIR: dataDir, CRM_PROGRESS_INTERVAL: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

const lines = (text: string): string[] => text.split('\n').filter((line) => /^(export|replay):/.test(line));

describe('progress when stderr is not a terminal', () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-progress-'));
    const store = SqliteEventStore.open({ path: join(dir, 'events.db') });
    const executor = new CommandExecutor(store, { clock: () => new Date('2026-06-01T12:00:00Z') });
    for (let n = 1; n <= CUSTOMERS; n++) {
      const command: CustomerCommand = {
        type: 'RegisterCustomer',
        customerId: `c-${n}`,
        occurredAt: '2025-01-01T09:00:00Z',
        data: { name: `Customer ${n}`, email: `c${n}@example.com.tr`, registeredVia: 'web' },
      };
      await executor.execute(customerAggregate(), {
        command,
        commandId: `cmd-${n}`,
        requestHash: requestHash(command, Buffer.alloc(32)),
        issuer,
      });
    }
    await store.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('export writes plain lines with the share, the rate and the ETA, no bar, then a last line', async () => {
    const run = await crm(
      dir,
      'export',
      '--from',
      '1',
      '--batch-size',
      '100',
      '--out',
      join(dir, 'all.jsonl'),
    );

    const progress = lines(run.stderr);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('\u001b[');
    // 300 events in batches of 100: a line after each batch, then the last one.
    expect(progress).toHaveLength(4);
    for (const line of progress.slice(0, -1)) expect(line).toMatch(PROGRESS_LINE);
    expect(progress.at(-1)).toMatch(FINAL_LINE);
    expect(progress.at(-1)).toContain(`${CUSTOMERS} events`);
  });

  it('replay accepts --no-progress, and by default reports its position in plain lines by default', async () => {
    const quiet = await crm(dir, 'replay', 'kpi-customers', '--to', '100', '--no-progress');
    const piped = await crm(dir, 'replay', 'kpi-customers', '--batch-size', '50');

    expect(quiet.code).toBe(0);
    expect(lines(quiet.stderr)).toEqual([]);
    expect(piped.code).toBe(0);
    const progress = lines(piped.stderr);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatch(FINAL_LINE);
    for (const line of progress.slice(0, -1)) expect(line).toMatch(PROGRESS_LINE);
    // Resumed from the first run's checkpoint at 100, the lines show where it really is.
    expect(progress.at(-1)).toContain(`position ${CUSTOMERS} of ${CUSTOMERS}`);
  });
});
