import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectionDefinition } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { customer360 } from '@crm/projections/customer-360';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { demoHistory, executeAll } from '../../test/support/demo-history';
import { dumpCollection } from '../../test/support/dump-collection';
import { collectionName } from '../collection-name';
import { ProjectionRunner } from '../projection-runner';
import { replay } from './replay';

const definition = customer360 as unknown as ProjectionDefinition;
/** The same projection without `oneStreamPerDocument`: replayed in global order only. */
const globalOrder: ProjectionDefinition = { ...definition, oneStreamPerDocument: false };
const COLLECTION = collectionName(definition);
const history = demoHistory(120);

describe('replay over a seeded history (SQLite)', () => {
  let dir: string;
  let events: SqliteEventStore;
  const opened: SqliteReadStore[] = [];
  const readStore = (name: string) => {
    const store = SqliteReadStore.open({ path: join(dir, `${name}.db`) });
    opened.push(store);
    return store;
  };
  /** What the normal runner builds from the whole log into a fresh read store. */
  const cleanBuild = async (): Promise<string[]> => {
    const clean = readStore(`clean${opened.length}`);
    await new ProjectionRunner({ definition, source: events, readStore: clean }).catchUp();
    return dumpCollection(clean, COLLECTION);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-replay-'));
    events = SqliteEventStore.open({ path: join(dir, 'events.db'), pollIntervalMs: 10 });
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the documents a clean build by the runner gives, and points the unset alias at them', async () => {
    await executeAll(events, history);
    const reads = readStore('replayed');

    const summary = await replay(definition, { source: events, readStore: reads, batchSize: 1_000 });

    const head = await events.headPosition();
    expect(summary).toMatchObject({ collection: COLLECTION, resumedFrom: 0, position: head, events: head });
    expect(summary.interrupted).toBe(false);
    expect(await dumpCollection(reads, COLLECTION)).toEqual(await cleanBuild());
    expect(await reads.resolveAlias('customer_360')).toBe(COLLECTION);
    expect(await reads.count('customer_360')).toBe(120);
  });

  it('stops after the batch in hand when aborted, and a second run resumes to the same result', async () => {
    await executeAll(events, history);
    const reads = readStore('interrupted');
    const abort = new AbortController();

    const first = await replay(globalOrder, {
      source: events,
      readStore: reads,
      batchSize: 250,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    // One batch of 250 events, then the signal is seen: the checkpoint is the 250th event's position.
    expect(first).toMatchObject({ interrupted: true, events: 250, position: 250 });
    expect((await reads.getCheckpoint(COLLECTION))?.position).toBe(250);

    const second = await replay(globalOrder, { source: events, readStore: reads, batchSize: 250 });

    expect(second).toMatchObject({
      interrupted: false,
      resumedFrom: 250,
      position: await events.headPosition(),
    });
    expect(await dumpCollection(reads, COLLECTION)).toEqual(await cleanBuild());
  });

  it('stream by stream: stops after the page in hand when aborted, and a second run goes on to the same result', async () => {
    await executeAll(events, history);
    const reads = readStore('interrupted-streams');
    const abort = new AbortController();

    const first = await replay(definition, {
      source: events,
      readStore: reads,
      batchSize: 250,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    // No checkpoint until every stream is done; the streams written so far are recorded instead.
    expect(first).toMatchObject({ interrupted: true, events: 250, position: 0 });
    expect(await reads.getCheckpoint(COLLECTION)).toBeUndefined();

    const second = await replay(definition, { source: events, readStore: reads, batchSize: 250 });

    const head = await events.headPosition();
    expect(second).toMatchObject({ interrupted: false, position: head });
    expect(second.events).toBeLessThan(head);
    expect((await reads.getCheckpoint(COLLECTION))?.position).toBe(head);
    expect(await dumpCollection(reads, COLLECTION)).toEqual(await cleanBuild());
  });

  it('filled while commands keep arriving, then caught up, equals a clean build after the dust settles', async () => {
    const half = Math.floor(history.length / 2);
    await executeAll(events, history.slice(0, half));
    const reads = readStore('moving');

    const arriving = executeAll(events, history.slice(half));
    const during = await replay(definition, { source: events, readStore: reads, batchSize: 100 });
    await arriving;
    const after = await replay(definition, { source: events, readStore: reads, batchSize: 100 });

    expect(during.position).toBeLessThan(await events.headPosition());
    expect(after).toMatchObject({ resumedFrom: during.position, position: await events.headPosition() });
    expect(await dumpCollection(reads, COLLECTION)).toEqual(await cleanBuild());
  });

  it('applies only the window asked for: --to a position checkpoints there', async () => {
    await executeAll(events, history);
    const reads = readStore('window');

    const summary = await replay(definition, { source: events, readStore: reads, batchSize: 64, to: 300 });

    expect(summary).toMatchObject({ position: 300, until: 300, events: 300, interrupted: false });
    const documents = await dumpCollection(reads, COLLECTION);
    expect(documents.length).toBeGreaterThan(0);
    for (const line of documents)
      expect((JSON.parse(line) as { version: number }).version).toBeLessThanOrEqual(300);
  });
});
