import type { EventEnvelope } from '@crm/domain';
import type { ReadStore, WriteOperation } from '@crm/read-store/read-store';
import { type CustomerActivity, customerActivity } from '../test/support/customer-activity.projection';
import { dumpCollection } from '../test/support/dump-collection';
import { envelope } from '../test/support/envelope';
import { useSqliteWorkspace } from '../test/support/sqlite-workspace';
import { CollectionWriter } from './collection-writer';
import { CHAIN_HEADS, type DocumentChain } from './document-chain';

const COLLECTION = 'customer_activity_v1';

/** Counts each document in global order: a link that goes wrong once stays wrong in every later one. */
const countingChain: DocumentChain<CustomerActivity> = {
  link: (previous, next) => ({ ...next, linked: Number(previous?.linked ?? 0) + 1 }),
};

/** The global log of a spec: positions from 1, revisions per customer from 0. */
function activityLog() {
  let position = 0;
  const revisions = new Map<string, number>();
  return (customers: readonly number[], type = 'Purchased'): EventEnvelope[] =>
    customers.map((customer) => {
      const streamId = `customer-c${customer}`;
      const revision = (revisions.get(streamId) ?? -1) + 1;
      revisions.set(streamId, revision);
      return envelope(++position, streamId, type, revision);
    });
}

/** A read store that records the ids each batch reads from the collection, and fails once when told to. */
function spied(store: ReadStore) {
  const reads: string[][] = [];
  const failNext = { bulkWrite: false, saveCheckpoint: false };
  const spy: ReadStore = Object.assign(Object.create(store) as ReadStore, {
    getMany: (collection: string, ids: readonly string[]) => {
      if (collection === COLLECTION) reads.push([...ids].sort());
      return store.getMany(collection, ids);
    },
    bulkWrite: async (collection: string, operations: readonly WriteOperation[]) => {
      if (collection !== COLLECTION || !failNext.bulkWrite) return store.bulkWrite(collection, operations);
      failNext.bulkWrite = false;
      // Half the documents are written before the failure, as an unordered bulk write may leave them.
      await store.bulkWrite(collection, operations.slice(0, Math.ceil(operations.length / 2)));
      throw new Error('bulk write failed');
    },
    saveCheckpoint: (name: string, checkpoint: { position: number; updatedAt: string }) => {
      if (!failNext.saveCheckpoint) return store.saveCheckpoint(name, checkpoint);
      failNext.saveCheckpoint = false;
      return Promise.reject(new Error('checkpoint failed'));
    },
  });
  return { store: spy, reads, failNext };
}

const customers = (...numbers: number[]) => numbers.map((n) => `c${n}`);

describe('CollectionWriter keeping the documents it wrote (ADR 0015)', () => {
  const workspace = useSqliteWorkspace('crm-collection-writer');
  const open = (readStore: ReadStore, documentCacheSize: number, chain?: DocumentChain<CustomerActivity>) =>
    CollectionWriter.open({
      definition: customerActivity,
      readStore,
      collection: COLLECTION,
      maxAttempts: 1,
      clock: () => new Date('2026-01-01T00:00:00Z'),
      documentCacheSize,
      ...(chain === undefined ? {} : { chain, poison: 'halt' as const }),
    });
  /** The collection and its chain head as a writer without cache builds them from `batches`. */
  const uncached = async (batches: readonly EventEnvelope[][], chain?: DocumentChain<CustomerActivity>) => {
    const store = workspace.readStore(`uncached-${Math.random().toString(36).slice(2)}`);
    const writer = await open(store, 0, chain);
    for (const batch of batches) await writer.apply(batch);
    return built(store);
  };
  const built = async (store: ReadStore) => ({
    documents: await dumpCollection(store, COLLECTION),
    chainHead: await store.get(CHAIN_HEADS.name, COLLECTION).catch(() => undefined),
  });

  it('reads back none of the documents it wrote, and builds what a writer without cache builds', async () => {
    const log = activityLog();
    const batches = [log([0, 1, 2, 3, 4], 'CustomerRegistered'), log([0, 1, 2, 3, 4]), log([0, 1, 2, 5])];
    const { store, reads } = spied(workspace.readStore('cached'));
    const writer = await open(store, 100);

    for (const batch of batches) await writer.apply(batch);

    expect(reads).toEqual([customers(0, 1, 2, 3, 4), customers(5)]);
    expect(await built(store)).toEqual(await uncached(batches));
    expect(await store.get(COLLECTION, 'c0')).toMatchObject({ version: 11, body: { events: 3 } });
  });

  it('reads every document of every batch when its cache size is 0, as before', async () => {
    const log = activityLog();
    const { store, reads } = spied(workspace.readStore('size-0'));
    const writer = await open(store, 0);

    await writer.apply(log([0, 1], 'CustomerRegistered'));
    await writer.apply(log([1, 0]));

    expect(reads).toEqual([customers(0, 1), customers(0, 1)]);
  });

  it('keeps at most documentCacheSize documents, the most recently written', async () => {
    const log = activityLog();
    const batches = [log([0, 1, 2, 3, 4], 'CustomerRegistered'), log([0, 1, 2, 3, 4])];
    const { store, reads } = spied(workspace.readStore('small-cache'));
    const writer = await open(store, 2);

    for (const batch of batches) await writer.apply(batch);

    expect(reads).toEqual([customers(0, 1, 2, 3, 4), customers(0, 1, 2)]);
    expect(await built(store)).toEqual(await uncached(batches));
  });

  it('forgets what it kept when a write fails, and the batch retried gives the right documents', async () => {
    const log = activityLog();
    const batches = [log([0, 1, 2, 3], 'CustomerRegistered'), log([3, 2, 1, 0]), log([0, 2])];
    const { store, reads, failNext } = spied(workspace.readStore('failing-write'));
    const writer = await open(store, 100);
    await writer.apply(batches[0]);

    failNext.bulkWrite = true;
    await expect(writer.apply(batches[1])).rejects.toThrow('bulk write failed');
    await writer.apply(batches[1]);
    await writer.apply(batches[2]);

    // The retry writes only c1 and c0: the failed write had already stored c3 and c2 at these versions.
    expect(reads).toEqual([customers(0, 1, 2, 3), customers(0, 1, 2, 3), customers(2)]);
    expect(await built(store)).toEqual(await uncached(batches));
  });

  it('links on from the stored chain head after a batch whose checkpoint failed behind its chain head', async () => {
    const log = activityLog();
    const batches = [log([0, 1], 'CustomerRegistered'), log([1, 0]), log([1])];
    const { store, reads, failNext } = spied(workspace.readStore('failing-checkpoint'));
    const writer = await open(store, 100, countingChain);
    await writer.apply(batches[0]);

    // The documents and the chain head of the batch are written; what the writer kept is now older.
    failNext.saveCheckpoint = true;
    await expect(writer.apply(batches[1])).rejects.toThrow('checkpoint failed');
    await writer.apply(batches[1]);
    await writer.apply(batches[2]);

    expect(reads).toEqual([customers(0, 1), customers(0, 1), customers(0, 1)]);
    expect(await store.get(COLLECTION, 'c1')).toMatchObject({ version: 5, body: { linked: 5 } });
    expect(await built(store)).toEqual(await uncached(batches, countingChain));
  });

  it('serves the chain head it wrote without reading it back', async () => {
    const log = activityLog();
    const batches = [log([0, 1], 'CustomerRegistered'), log([2]), log([0])];
    const { store, reads } = spied(workspace.readStore('chain-head'));
    const writer = await open(store, 100, countingChain);

    for (const batch of batches) await writer.apply(batch);

    expect(reads).toEqual([customers(0, 1), customers(2)]);
    expect(await store.get(COLLECTION, 'c0')).toMatchObject({ version: 4, body: { linked: 4 } });
    expect(await built(store)).toEqual(await uncached(batches, countingChain));
  });
});

describe('a writer opened on a collection it did not write', () => {
  const workspace = useSqliteWorkspace('crm-collection-writer-reopen');

  it('starts with nothing kept and reads what the writer before it wrote', async () => {
    const log = activityLog();
    const reads = workspace.readStore('reopened');
    const options = {
      definition: customerActivity,
      collection: COLLECTION,
      maxAttempts: 1,
      clock: () => new Date('2026-01-01T00:00:00Z'),
      documentCacheSize: 100,
    };
    await (
      await CollectionWriter.open({ ...options, readStore: reads })
    ).apply(log([0], 'CustomerRegistered'));
    const { store, reads: read } = spied(reads);

    await (await CollectionWriter.open({ ...options, readStore: store })).apply(log([0]));

    expect(read).toEqual([customers(0)]);
    expect(await reads.get(COLLECTION, 'c0')).toMatchObject({ version: 2, body: { events: 2 } });
  });
});
