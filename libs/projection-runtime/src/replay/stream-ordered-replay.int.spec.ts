import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EventEnvelope, ProjectionDefinition } from '@crm/domain';
import { customer360 } from '@crm/projections/customer-360';
import { InvalidQueryError } from '@crm/read-store/errors';
import type { ReadStore, WriteOperation } from '@crm/read-store/read-store';
import { customerActivity } from '../../test/support/customer-activity.projection';
import { demoHistory, executeAll } from '../../test/support/demo-history';
import { dumpCollection } from '../../test/support/dump-collection';
import { useSqliteWorkspace } from '../../test/support/sqlite-workspace';
import { activityEvent, seedActivity } from '../../test/support/events';
import { collectionName } from '../collection-name';
import { DEAD_LETTERS } from '../dead-letter';
import type { EventSource } from '../event-source';
import { ProjectionRunner } from '../projection-runner';
import { replay } from './replay';
import { STREAM_REPLAYS } from './stream-ordered-replay';

const c360 = customer360 as unknown as ProjectionDefinition;
const activity: ProjectionDefinition = {
  ...(customerActivity as unknown as ProjectionDefinition),
  oneStreamPerDocument: true,
};

describe('replay stream by stream (a new collection, documents that each follow one stream)', () => {
  const workspace = useSqliteWorkspace('crm-stream-replay');
  const readStore = (name: string) => workspace.readStore(name);
  let builds = 0;
  const cleanBuild = async (definition: ProjectionDefinition) => {
    const clean = readStore(`clean${++builds}`);
    await new ProjectionRunner({ definition, source: workspace.events, readStore: clean }).catchUp();
    return built(clean, definition);
  };
  const built = async (store: ReadStore, definition: ProjectionDefinition) => ({
    documents: await dumpCollection(store, collectionName(definition)),
    deadLetters: await dumpCollection(store, DEAD_LETTERS.name),
  });
  /** The event store, recording the order `readAllByStream` returned events in. */
  const recording = (read: EventEnvelope[]): EventSource => ({
    readAll: (options) => workspace.events.readAll(options),
    readAllByStream: async (options) => {
      const page = await workspace.events.readAllByStream(options);
      read.push(...page);
      return page;
    },
    subscribeToAll: (options) => workspace.events.subscribeToAll(options),
    headPosition: () => workspace.events.headPosition(),
  });

  it('reads stream by stream and gives the documents of a build in global order, pages cutting streams', async () => {
    await executeAll(workspace.events, demoHistory(30));
    const reads = readStore('streams');
    const read: EventEnvelope[] = [];

    const summary = await replay(c360, { source: recording(read), readStore: reads, batchSize: 7 });

    const head = await workspace.events.headPosition();
    expect(summary).toMatchObject({ position: head, events: head, interrupted: false });
    expect(read.map((event) => event.streamId)).toEqual(read.map((event) => event.streamId).sort());
    expect((await reads.getCheckpoint(collectionName(c360)))?.position).toBe(head);
    expect((await reads.get(STREAM_REPLAYS.name, collectionName(c360)))?.body).toEqual({ done: true });
    expect(await built(reads, c360)).toEqual(await cleanBuild(c360));
  });

  it('reads ahead on another thread and gives the documents the page-by-page read gives', async () => {
    await executeAll(workspace.events, demoHistory(30));
    const pageByPage = readStore('page-by-page');
    const readAhead = readStore('read-ahead');
    const threads = jest.spyOn(Worker.prototype, 'postMessage');

    await replay(c360, { source: recording([]), readStore: pageByPage, batchSize: 7 });
    expect(threads).not.toHaveBeenCalled();
    const summary = await replay(c360, { source: workspace.events, readStore: readAhead, batchSize: 7 });

    expect(summary).toMatchObject({ events: await workspace.events.headPosition(), interrupted: false });
    expect(new Set(threads.mock.contexts).size).toBe(1);
    expect((threads.mock.contexts[0] as Worker).threadId).toBe(-1);
    expect(await built(readAhead, c360)).toEqual(await built(pageByPage, c360));
    threads.mockRestore();
  });

  it('stops the reading thread when aborted, and fails when the thread cannot read', async () => {
    await executeAll(workspace.events, demoHistory(30));
    const threads = jest.spyOn(Worker.prototype, 'postMessage');
    const abort = new AbortController();

    const aborted = await replay(c360, {
      source: workspace.events,
      readStore: readStore('aborted'),
      batchSize: 7,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    renameSync(join(workspace.dir, 'events.db'), join(workspace.dir, 'moved.db'));
    const failed = replay(c360, { source: workspace.events, readStore: readStore('failed'), batchSize: 7 });

    expect(aborted).toMatchObject({ events: 7, interrupted: true });
    await expect(failed).rejects.toThrow(/unable to open database file/);
    const started = [...new Set(threads.mock.contexts)] as Worker[];
    expect(started.map((thread) => thread.threadId)).toEqual([-1, -1]);
    threads.mockRestore();
  });

  it('resumes after a crash mid-way, reading back what it wrote past its record', async () => {
    await executeAll(workspace.events, demoHistory(30));
    const reads = readStore('crashed');
    let writes = 0;
    const crashing: ReadStore = Object.assign(Object.create(reads) as ReadStore, {
      bulkWrite: (collection: string, operations: readonly WriteOperation[]) => {
        // The second batch of documents reaches the file; the record after it never does.
        if (collection === STREAM_REPLAYS.name && ++writes === 3) return Promise.reject(new Error('killed'));
        return reads.bulkWrite(collection, operations);
      },
    });
    const options = { batchSize: 50, cacheDocuments: 5 };

    await expect(replay(c360, { ...options, source: workspace.events, readStore: crashing })).rejects.toThrow(
      'killed',
    );
    expect(await reads.getCheckpoint(collectionName(c360))).toBeUndefined();
    const resumed = await replay(c360, { ...options, source: workspace.events, readStore: reads });

    const head = await workspace.events.headPosition();
    expect(resumed).toMatchObject({ position: head, interrupted: false });
    expect(resumed.events).toBeLessThan(head);
    expect(await built(reads, c360)).toEqual(await cleanBuild(c360));
  });

  it('dead-letters a poison event once and goes on, as a build in global order does', async () => {
    await seedActivity(workspace.events, 120, 9);
    await workspace.events.append('customer-c4', [activityEvent('poison-1', 'Poisoned')], 'any');
    await seedActivity(workspace.events, 60, 9, 50, 'f');
    const reads = readStore('poison');

    await replay(activity, { source: workspace.events, readStore: reads, batchSize: 11 });

    const result = await built(reads, activity);
    expect(result.deadLetters).toHaveLength(1);
    expect(result).toEqual(await cleanBuild(activity));
  });

  it('leaves the fields unindexed until every stream is done, then declares and indexes them', async () => {
    await seedActivity(workspace.events, 120, 9);
    const reads = readStore('indexes');
    const byEvents = { where: [{ field: 'events', op: 'range' as const, gte: 1 }], limit: 100 };
    const during: Promise<unknown>[] = [];

    await replay(activity, {
      source: workspace.events,
      readStore: reads,
      batchSize: 11,
      onProgress: () => void during.push(reads.find(collectionName(activity), byEvents).catch((e) => e)),
    });

    expect(await during[0]).toBeInstanceOf(InvalidQueryError);
    expect((await reads.find(collectionName(activity), byEvents)).items).toHaveLength(9);
  });

  it('replays in global order instead into a collection that exists already', async () => {
    await seedActivity(workspace.events, 120, 9);
    const reads = readStore('existing');
    await reads.ensureCollection({ name: collectionName(activity), fields: [] });
    const read: EventEnvelope[] = [];

    await replay(activity, { source: recording(read), readStore: reads, batchSize: 11 });

    expect(read).toEqual([]);
    expect(await built(reads, activity)).toEqual(await cleanBuild(activity));
  });
});
