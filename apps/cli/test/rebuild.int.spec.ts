import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Command } from 'commander';
import { STREAM_REPLAYS } from '@crm/projection-runtime/replay/stream-ordered-replay';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { projectionCommands } from '../src/projections.command';
import { ProgressReporter } from '../src/progress-reporter';
import { seedCommand } from '../src/seed.command';

interface RebuildOutput {
  readonly events: number;
  readonly interrupted: boolean;
  readonly swapped?: boolean;
  readonly shadow: string;
  readonly alias: string;
  readonly previous?: string;
}

/**
 * `crm rebuild` as a user runs it, on the embedded stores behind the personal-data encryption: the
 * stream-by-stream pass, its read-ahead thread, and Ctrl-C. The compiled CLI (`nest build cli`) runs the
 * thread from the built `stream-page-worker.js`; this suite runs it from the TypeScript source.
 */
describe('crm rebuild customer-360', () => {
  let dir: string;
  let stdout: string[];
  let threads: jest.SpiedFunction<Worker['postMessage']>;

  const crm = async (...args: string[]): Promise<void> => {
    const program = new Command().exitOverride();
    for (const command of [seedCommand(), ...projectionCommands()]) program.addCommand(command);
    await program.parseAsync(args, { from: 'user' });
  };
  const rebuilt = async (): Promise<RebuildOutput> => {
    await crm('rebuild', 'customer-360');
    return JSON.parse(stdout.at(-1) ?? '') as RebuildOutput;
  };
  /** Both collections' documents by id, and the stream-by-stream pass's record of the new one. */
  const collections = async (previous: string, shadow: string) => {
    const reads = SqliteReadStore.open({ path: join(dir, 'read.db') });
    try {
      const all = async (name: string) => {
        const found = await reads.find(name, { where: [], limit: 1_000 });
        return Object.fromEntries(found.items.map((document) => [document.id, document.body]));
      };
      return {
        previous: await all(previous),
        shadow: await all(shadow),
        record: (await reads.get(STREAM_REPLAYS.name, shadow))?.body,
      };
    } finally {
      await reads.close();
    }
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-rebuild-'));
    process.env.CRM_DATA_DIR = dir;
    stdout = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void stdout.push(line));
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await crm('seed', '--customers', '40', '--no-progress');
    threads = jest.spyOn(Worker.prototype, 'postMessage');
  });

  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
    delete process.env.CRM_DATA_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills the shadow stream by stream, read ahead on a thread it stops, with the documents the API built', async () => {
    const output = await rebuilt();

    expect(output).toMatchObject({ interrupted: false, swapped: true });
    const { previous, shadow, record } = await collections(output.previous as string, output.shadow);
    expect(record).toEqual({ done: true });
    expect(Object.keys(shadow)).toHaveLength(40);
    expect(shadow).toEqual(previous);
    const started = [...new Set(threads.mock.contexts)] as Worker[];
    expect(started.map((thread) => thread.threadId)).toEqual([-1]);
  });

  it('stops on Ctrl-C with exit code 130 and its thread stopped, and running it again completes it', async () => {
    const pressCtrlC = jest.spyOn(ProgressReporter.prototype, 'update').mockImplementation(() => {
      process.emit('SIGINT', 'SIGINT');
    });

    const stopped = await rebuilt();
    expect(process.exitCode).toBe(130);
    expect((threads.mock.contexts[0] as Worker).threadId).toBe(-1);
    process.exitCode = undefined;
    pressCtrlC.mockRestore();
    const resumed = await rebuilt();

    expect(stopped).toMatchObject({ interrupted: true });
    expect(resumed).toMatchObject({ interrupted: false, swapped: true, shadow: stopped.shadow });
    const { previous, shadow } = await collections(resumed.previous as string, resumed.shadow);
    expect(shadow).toEqual(previous);
  });
});
