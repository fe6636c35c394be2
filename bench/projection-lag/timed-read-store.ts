import { performance } from 'node:perf_hooks';
import type { ReadStore } from '@crm/read-store/read-store';

export interface StoreTiming {
  calls: number;
  ms: number;
  /** The slowest single call. */
  maxMs: number;
  documents: number;
}

type Timed = 'getMany' | 'bulkWrite' | 'saveCheckpoint';

/**
 * Wraps the read store to add up, per collection (or checkpoint), the time spent in the calls a runner
 * makes per batch. The store is synchronous SQLite underneath, so this is the time the event loop
 * was blocked by them.
 */
export function timedReadStore(inner: ReadStore): {
  readonly store: ReadStore;
  readonly timings: Map<string, Record<Timed, StoreTiming>>;
} {
  const timings = new Map<string, Record<Timed, StoreTiming>>();
  const record = (name: string, call: Timed, started: number, documents: number) => {
    let entry = timings.get(name);
    if (entry === undefined) {
      const zero = (): StoreTiming => ({ calls: 0, ms: 0, maxMs: 0, documents: 0 });
      entry = { getMany: zero(), bulkWrite: zero(), saveCheckpoint: zero() };
      timings.set(name, entry);
    }
    entry[call].calls++;
    const ms = performance.now() - started;
    entry[call].ms += ms;
    entry[call].maxMs = Math.max(entry[call].maxMs, ms);
    entry[call].documents += documents;
  };
  const store: ReadStore = {
    ensureCollection: (spec) => inner.ensureCollection(spec),
    dropCollection: (name) => inner.dropCollection(name),
    rewindCheckpoint: (name, checkpoint) => inner.rewindCheckpoint(name, checkpoint),
    get: (collection, id) => inner.get(collection, id),
    getJson: (collection, id) => inner.getJson(collection, id),
    // The SQLite adapter does its work before its promise is returned, so the call itself is timed:
    // awaiting it would also count whatever other microtasks run before the continuation.
    getMany(collection, ids) {
      const started = performance.now();
      const found = inner.getMany(collection, ids);
      record(collection, 'getMany', started, ids.length);
      return found;
    },
    bulkWrite(collection, operations) {
      const started = performance.now();
      const written = inner.bulkWrite(collection, operations);
      record(collection, 'bulkWrite', started, operations.length);
      return written;
    },
    find: (collection, query) => inner.find(collection, query),
    count: (collection, where) => inner.count(collection, where),
    getCheckpoint: (name) => inner.getCheckpoint(name),
    saveCheckpoint(name, checkpoint) {
      const started = performance.now();
      const saved = inner.saveCheckpoint(name, checkpoint);
      record(name, 'saveCheckpoint', started, 1);
      return saved;
    },
    setAlias: (alias, collection) => inner.setAlias(alias, collection),
    resolveAlias: (alias) => inner.resolveAlias(alias),
    close: () => inner.close(),
  };
  return { store, timings };
}
