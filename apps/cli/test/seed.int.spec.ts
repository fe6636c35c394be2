import { CommanderError } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEMO_DATA_OPTIONS, demoCommands } from '@crm/demo-data';
import { SqliteEventStore } from '@crm/event-store';
import { ProgressReporter } from '../src/progress-reporter';
import { seedCommand } from '../src/seed.command';

const CUSTOMERS = 5;
const totalCommands = [...demoCommands({ ...DEFAULT_DEMO_DATA_OPTIONS, customers: CUSTOMERS })].length;

interface SeedOutput {
  readonly customers: number;
  readonly commands: number;
  readonly eventsAppended: number;
  readonly alreadyPresent: number;
  readonly rejected: number;
  readonly interrupted: boolean;
}

describe('crm seed', () => {
  let dir: string;
  let stdout: string[];

  const crmSeed = async (...args: string[]): Promise<SeedOutput> => {
    await seedCommand().exitOverride().parseAsync(args, { from: 'user' });
    return JSON.parse(stdout.at(-1) ?? '') as SeedOutput;
  };

  const headPosition = async (): Promise<number> => {
    const store = SqliteEventStore.open({ path: join(dir, 'events.db') });
    try {
      return await store.headPosition();
    } finally {
      await store.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-seed-'));
    process.env.CRM_DATA_DIR = dir;
    stdout = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void stdout.push(line));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
    for (const key of ['CRM_DATA_DIR', 'TIER_REVIEW_ENABLED', 'AUTOMATION_ENABLED']) delete process.env[key];
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads every demo command once; a second run appends nothing', async () => {
    const first = await crmSeed('--customers', String(CUSTOMERS), '--concurrency', '4', '--no-progress');
    const head = await headPosition();
    const second = await crmSeed('--customers', String(CUSTOMERS), '--concurrency', '4', '--no-progress');

    expect(first).toMatchObject({
      customers: CUSTOMERS,
      commands: totalCommands,
      alreadyPresent: 0,
      rejected: 0,
    });
    expect(first.eventsAppended).toBe(head);
    expect(second).toMatchObject({
      commands: totalCommands,
      eventsAppended: 0,
      alreadyPresent: totalCommands,
    });
    expect(await headPosition()).toBe(head);
    expect(process.exitCode).toBeUndefined();
  });

  it('stops on Ctrl-C with exit code 130, and running it again completes the same history', async () => {
    const clean = await crmSeed('--customers', String(CUSTOMERS), '--concurrency', '4', '--no-progress');
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'crm-seed-'));
    process.env.CRM_DATA_DIR = dir;
    // The user presses Ctrl-C when the tenth command is done.
    const pressCtrlC = jest.spyOn(ProgressReporter.prototype, 'update').mockImplementation((done) => {
      if (done === 10) process.emit('SIGINT', 'SIGINT');
    });
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);

    const stopped = await crmSeed('--customers', String(CUSTOMERS), '--concurrency', '4', '--progress');
    expect(process.exitCode).toBe(130);
    process.exitCode = undefined;
    pressCtrlC.mockRestore();
    const resumed = await crmSeed('--customers', String(CUSTOMERS), '--concurrency', '4', '--no-progress');

    // At most the 10 done plus the 4 in flight when the stop came are sent before stopping.
    expect(stopped.interrupted).toBe(true);
    expect(stopped.commands).toBeGreaterThanOrEqual(10);
    expect(stopped.commands).toBeLessThanOrEqual(14);
    expect(resumed).toMatchObject({ commands: totalCommands, rejected: 0, interrupted: false });
    expect(stopped.eventsAppended + resumed.eventsAppended).toBe(clean.eventsAppended);
    expect(await headPosition()).toBe(clean.eventsAppended);
  });

  it.each([
    [['--customers', 'many'], 'expected a whole number from 0 to 10000000'],
    [['--concurrency', '0'], 'expected a whole number from 1 to 10000'],
  ])('%j fails with exit code 1 and a clear message', async (args, message) => {
    const errors: string[] = [];
    const command = seedCommand()
      .exitOverride()
      .configureOutput({ writeErr: (text) => void errors.push(text) });

    const error = (await command
      .parseAsync(args, { from: 'user' })
      .catch((e: unknown) => e)) as CommanderError;

    expect(error).toBeInstanceOf(CommanderError);
    expect(error.exitCode).toBe(1);
    expect(errors.join('')).toContain(message);
  });
});
