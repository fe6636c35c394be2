import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../src/adapters/sqlite';

const ROOT = resolve(__dirname, '../../..');
const WORKER = join(__dirname, 'appending-worker.ts');
const ACKS_BEFORE_KILL = 400;
const KILLS = 3;

/** Runs the appending process until it has acknowledged `acks` appends, then SIGKILLs it mid-append. */
async function appendUntilKilled(path: string, prefix: string, acks: number): Promise<string[]> {
  // tsx loaded in-process: the `tsx` command would run the worker in a grandchild that SIGKILL misses.
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, path, prefix], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.once('exit', (_, signal) => done(signal)),
  );
  const acknowledged: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    acknowledged.push(line);
    if (acknowledged.length === acks) child.kill('SIGKILL');
  }
  expect(await exited).toBe('SIGKILL');
  return acknowledged;
}

describe('a process killed while its writer thread appends', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-writer-thread-crash-'));
    path = join(dir, 'events.db');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append, with gapless revisions, across repeated kills', async () => {
    const acknowledged: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      acknowledged.push(...(await appendUntilKilled(path, `run-${kill}`, ACKS_BEFORE_KILL)));
    }

    const check = new Database(path, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    const store = SqliteEventStore.open({ path });
    try {
      for (const id of acknowledged) expect(await store.readEventById(id)).toMatchObject({ id });
      const all = await store.readAll({ after: 0, limit: 1_000_000 });
      const revisions = new Map<string, number[]>();
      for (const event of all)
        revisions.set(event.streamId, [...(revisions.get(event.streamId) ?? []), event.revision]);
      for (const stream of revisions.values()) expect(stream).toEqual(stream.map((_, i) => i));
      expect(all.length).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await store.close();
    }
  });
});
