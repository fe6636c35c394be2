import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NewEvent } from '@crm/domain';
import type { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { activityEvent } from '../../../projection-runtime/test/support/events';
import { useSqliteWorkspace } from '../../../projection-runtime/test/support/sqlite-workspace';
import { waitFor } from '../../../projection-runtime/test/support/wait-for';
import { ProjectionThread } from './projection-thread';

/** Projections the thread loads from a folder of the test's own: no imports, so any loader compiles them. */
const PURCHASE_COUNT_INDEX = `
export const purchaseCount = {
  name: 'purchase-count',
  version: 1,
  handles: ['Purchased'],
  documentId: (event: { streamId: string }) => event.streamId.replace(/^customer-/, ''),
  initial: () => ({ purchases: 0 }),
  evolve: (doc: { purchases: number }) => ({ purchases: doc.purchases + 1 }),
};
`;

/** Ends its thread (process.exit in a worker ends the thread) the first time it sees `ThreadKilled`. */
const threadKillerIndex = (marker: string): string => `
import { existsSync, writeFileSync } from 'node:fs';

export const threadKiller = {
  name: 'thread-killer',
  version: 1,
  handles: ['ThreadKilled'],
  documentId: () => 'kills',
  initial: () => ({}),
  evolve: (doc: object) => {
    if (!existsSync(${JSON.stringify(marker)})) {
      writeFileSync(${JSON.stringify(marker)}, 'killed');
      process.exit(3);
    }
    return doc;
  },
};
`;

const purchases = (prefix: string, count: number): NewEvent[] =>
  Array.from({ length: count }, (_, i) => activityEvent(`${prefix}${i}`, 'Purchased'));

describe('ProjectionThread: the projections on a worker thread with their own SQLite connections', () => {
  const workspace = useSqliteWorkspace('crm-projection-thread');
  let root: string;
  let reads: SqliteReadStore;
  const threads: ProjectionThread[] = [];
  const thread = (options: ConstructorParameters<typeof ProjectionThread>[0] = {}): ProjectionThread => {
    const created = new ProjectionThread({ projectionsRoot: root, ...options });
    threads.push(created);
    return created;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-thread-projections-'));
    mkdirSync(join(root, 'purchase-count'));
    writeFileSync(join(root, 'purchase-count', 'index.ts'), PURCHASE_COUNT_INDEX);
    process.env.CRM_DATA_DIR = workspace.dir;
    reads = workspace.readStore('read');
  });

  afterEach(async () => {
    await Promise.all(threads.splice(0).map((running) => running.stop()));
    delete process.env.CRM_DATA_DIR;
    delete process.env.CRM_MASTER_KEY;
    jest.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  it('projects what the API thread appends into the read store, and reports positions', async () => {
    const projections = thread();
    projections.start();
    await workspace.events.append('customer-c1', purchases('a', 2), 'any');
    await workspace.events.append('customer-c2', purchases('b', 3), 'any');

    await projections.catchUp();

    expect(await projections.statuses()).toEqual([
      expect.objectContaining({
        name: 'purchase-count',
        collection: 'purchase_count_v1',
        state: 'running',
        position: 5,
        headPosition: 5,
        lagEvents: 0,
      }),
    ]);
    expect((await reads.get('purchase_count', 'c2'))?.body).toEqual({ purchases: 3 });

    await workspace.events.append('customer-c1', purchases('c', 1), 'any');
    await waitFor(async () => (await projections.statuses())[0].position === 6);
    expect((await reads.get('purchase_count', 'c1'))?.body).toEqual({ purchases: 3 });
  });

  it('stop() saves the checkpoints, and a new thread goes on from them without applying an event twice', async () => {
    const first = thread();
    first.start();
    await workspace.events.append('customer-c1', purchases('a', 4), 'any');
    await first.catchUp();

    await first.stop();

    expect((await reads.getCheckpoint('purchase_count_v1'))?.position).toBe(4);
    expect(await first.statuses()).toEqual([expect.objectContaining({ state: 'idle', position: 4 })]);
    await expect(first.catchUp()).rejects.toThrow('the projection thread is not running');

    await workspace.events.append('customer-c1', purchases('b', 2), 'any');
    const second = thread();
    second.start();
    await second.catchUp();
    expect((await reads.get('purchase_count', 'c1'))?.body).toEqual({ purchases: 6 });
  });

  it('reports a thread that died, with why, logs it, and restarts it', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    mkdirSync(join(root, 'thread-killer'));
    writeFileSync(join(root, 'thread-killer', 'index.ts'), threadKillerIndex(join(workspace.dir, 'killed')));
    const projections = thread({ restartDelayMs: 200 });
    projections.start();
    await workspace.events.append('customer-c1', purchases('a', 1), 'any');
    await projections.catchUp();

    await workspace.events.append('ops', [activityEvent('kill', 'ThreadKilled')], 'any');

    await waitFor(async () =>
      (await projections.statuses()).every((status) => status.lastError !== undefined),
    );
    expect(await projections.statuses()).toEqual([
      expect.objectContaining({
        name: 'purchase-count',
        state: 'idle',
        position: 1,
        lastError: 'projection thread down: the thread exited with code 3',
      }),
      expect.objectContaining({ name: 'thread-killer', state: 'idle' }),
    ]);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({
        msg: 'projection thread died; restarting',
        error: 'the thread exited with code 3',
        restartInMs: 200,
      }),
    );

    await waitFor(async () => (await projections.statuses()).every((status) => status.state === 'running'));
    await workspace.events.append('customer-c1', purchases('b', 1), 'any');
    await projections.catchUp();
    const statuses = await projections.statuses();
    expect(statuses.map((status) => [status.name, status.position, status.lastError])).toEqual([
      ['purchase-count', 3, undefined],
      ['thread-killer', 3, undefined],
    ]);
    expect((await reads.get('purchase_count', 'c1'))?.body).toEqual({ purchases: 2 });
  });

  it('keeps the message of a failure to open the stores in the thread', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    process.env.CRM_MASTER_KEY = 'dG9vLXNob3J0';
    const projections = thread({ restartDelayMs: 60_000 });
    projections.start();

    await waitFor(async () => (await projections.statuses())[0].lastError !== undefined);

    expect((await projections.statuses())[0].lastError).toBe(
      'projection thread down: Error: CRM_MASTER_KEY must be the base64 of exactly 32 bytes, got 9 bytes',
    );
    await expect(projections.catchUp()).rejects.toThrow('CRM_MASTER_KEY must be the base64');
  });
});
