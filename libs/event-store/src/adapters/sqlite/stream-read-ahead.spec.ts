import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EventEnvelope, NewEvent } from '@crm/domain';
import type { ReadByStreamPagesOptions } from '../../event-store';
import { SqliteEventStore } from './sqlite-event-store';
import type { SqliteEventStoreOptions } from './sqlite-event-store-options';

const event = (id: string): NewEvent => ({
  id,
  type: 'Tested',
  schemaVersion: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  data: { id, text: 'çağrı → şikâyet' },
  metadata: {
    actor: { id: 'a', kind: 'user', roles: [] },
    commandId: id,
    correlationId: id,
    causationId: id,
    source: 'spec',
  },
});

/** Five streams of 1 to 5 events, appended round-robin so that no stream's events are adjacent in the log. */
async function appendInterleaved(store: SqliteEventStore): Promise<void> {
  for (let round = 0; round < 5; round++) {
    for (let stream = round; stream < 5; stream++) {
      await store.append(`s-${stream}`, [event(`s-${stream}-${round}`)], 'any');
    }
  }
}

async function collect(pages: AsyncIterable<EventEnvelope[]>): Promise<EventEnvelope[][]> {
  const collected: EventEnvelope[][] = [];
  for await (const page of pages) collected.push(page);
  return collected;
}

describe('SqliteEventStore.readAllByStreamPages (read ahead on a worker thread)', () => {
  let dir: string;
  let path: string;
  const open: SqliteEventStore[] = [];
  const openStore = (options: Partial<SqliteEventStoreOptions> = {}): SqliteEventStore => {
    const store = SqliteEventStore.open({ path, ...options });
    open.push(store);
    return store;
  };
  /** What `readAllByStream` gives page by page, from each page's last event: the pages to expect. */
  const pagesByStream = async (
    store: SqliteEventStore,
    { until, after, pageSize }: ReadByStreamPagesOptions,
  ): Promise<EventEnvelope[][]> => {
    const pages: EventEnvelope[][] = [];
    let cursor = after;
    for (;;) {
      const page = await store.readAllByStream({ until, after: cursor, limit: pageSize });
      if (page.length > 0) pages.push(page);
      if (page.length < pageSize) return pages;
      cursor = page[page.length - 1];
    }
  };
  /** The threads the read-aheads started, seen through the requests sent to them. */
  const threads = (): Worker[] => {
    const post = jest.mocked(Worker.prototype.postMessage);
    return [...new Set(post.mock.contexts as Worker[])];
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-stream-read-ahead-'));
    path = join(dir, 'events.db');
    jest.spyOn(Worker.prototype, 'postMessage');
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await Promise.all(open.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([1, 2, 4, 15, 100])(
    'gives the pages readAllByStream gives, stream by stream, with pages of %i',
    async (pageSize) => {
      const store = openStore();
      await appendInterleaved(store);
      const options = { until: 15, pageSize };

      const pages = await collect(store.readAllByStreamPages(options));

      expect(pages).toEqual(await pagesByStream(store, options));
      expect(pages.flat().map((e) => e.id)).toEqual(
        (await store.readAllByStream({ until: 15, limit: 100 })).map((e) => e.id),
      );
      expect(pages.slice(0, -1).every((page) => page.length === pageSize)).toBe(true);
      expect(threads()).toHaveLength(1);
    },
  );

  it('reads nothing past until, and goes on after a cursor', async () => {
    const store = openStore();
    await appendInterleaved(store);
    const after = { streamId: 's-1', revision: 0 };

    const bounded = (await collect(store.readAllByStreamPages({ until: 7, pageSize: 2 }))).flat();
    const resumed = (await collect(store.readAllByStreamPages({ until: 15, after, pageSize: 3 }))).flat();

    expect(bounded.map((e) => e.position).every((position) => position <= 7)).toBe(true);
    expect(bounded).toEqual(await store.readAllByStream({ until: 7, limit: 100 }));
    expect(resumed).toEqual(await store.readAllByStream({ until: 15, after, limit: 100 }));
    expect(resumed[0]).toMatchObject({ streamId: 's-1', revision: 1 });
  });

  it('yields no page from an empty log', async () => {
    const store = openStore();

    expect(await collect(store.readAllByStreamPages({ until: 0, pageSize: 10 }))).toEqual([]);
  });

  it('stops its thread when the loop ends, and when the loop is left early', async () => {
    const store = openStore();
    await appendInterleaved(store);

    await collect(store.readAllByStreamPages({ until: 15, pageSize: 4 }));
    for await (const page of store.readAllByStreamPages({ until: 15, pageSize: 2 })) {
      expect(page).toHaveLength(2);
      break;
    }

    expect(threads()).toHaveLength(2);
    expect(threads().map((thread) => thread.threadId)).toEqual([-1, -1]);
  });

  it('stops its thread when the store closes mid-read, and the read fails', async () => {
    const store = openStore();
    await appendInterleaved(store);
    const pages = store.readAllByStreamPages({ until: 15, pageSize: 1 })[Symbol.asyncIterator]();
    await pages.next();

    await store.close();

    expect(threads()[0].threadId).toBe(-1);
    // The pages read ahead before it stopped may still come; then the read fails instead of ending.
    const rest = (async () => {
      while ((await pages.next()).done !== true);
    })();
    await expect(rest).rejects.toThrow('stopped before the last page');
  });

  it('rejects with the thread’s error when it cannot read', async () => {
    const store = openStore();
    await appendInterleaved(store);
    // The store keeps its own connection; the thread opens the file by name and finds none.
    renameSync(path, join(dir, 'moved.db'));

    await expect(collect(store.readAllByStreamPages({ until: 15, pageSize: 4 }))).rejects.toMatchObject({
      name: 'StreamReadError',
      code: 'SQLITE_CANTOPEN',
      message: expect.stringMatching(/SqliteError: unable to open database file/),
    });
    expect(threads()[0].threadId).toBe(-1);
  });

  it('reads on the calling thread, the same pages, with readAheadPages 0', async () => {
    const store = openStore({ readAheadPages: 0 });
    await appendInterleaved(store);
    const options = { until: 15, pageSize: 4 };

    expect(await collect(store.readAllByStreamPages(options))).toEqual(await pagesByStream(store, options));
    expect(threads()).toEqual([]);
  });
});
