import { performance } from 'node:perf_hooks';
import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import type { EventSource } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store/read-store';

/** Milliseconds spent in each part of a rebuild, measured around the calls the runner makes. */
export interface Breakdown {
  /**
   * `source.readAll` or `readAllByStream`: SELECT, JSON.parse of data and metadata, envelope objects; with
   * `readAllByStreamPages`, the wait for each page read ahead and its parse.
   */
  readEvents: number;
  /** `definition.evolve`, or `fold.step` and `fold.finalize`, all calls (customer-360's own code). */
  evolve: number;
  /** `readStore.getMany`: SELECT ... json_each and JSON.parse of every touched document. */
  getMany: number;
  /** `JSON.parse` of the same documents again, timed alone: the parse part of getMany. */
  getManyParseEstimate: number;
  /** `readStore.bulkWrite`: JSON.stringify of every touched document and the upserts. */
  bulkWrite: number;
  /** `JSON.stringify` of the same bodies again, timed alone: the stringify part of bulkWrite. */
  bulkWriteStringifyEstimate: number;
  saveCheckpoint: number;
  /** `readStore.ensureCollection`: a bulk replay builds the new collection's indexes here, at the end. */
  ensureCollection: number;
  batches: number;
  documentsRead: number;
  documentsWritten: number;
  bytesWritten: number;
}

export const emptyBreakdown = (): Breakdown => ({
  readEvents: 0,
  evolve: 0,
  getMany: 0,
  getManyParseEstimate: 0,
  bulkWrite: 0,
  bulkWriteStringifyEstimate: 0,
  saveCheckpoint: 0,
  ensureCollection: 0,
  batches: 0,
  documentsRead: 0,
  documentsWritten: 0,
  bytesWritten: 0,
});

/**
 * Wraps the source, the definition and the read store the runner is given. The SQLite adapters do their
 * work before returning their promise, so timing the call (not the await) is the time spent. The
 * estimates stringify or parse each document a second time outside the timed call, so this phase is
 * slower than the plain rebuild and only its split is reported.
 */
export function instrument<TDoc extends ProjectionDocument>(
  parts: {
    readonly source: EventSource;
    readonly definition: ProjectionDefinition<TDoc>;
    readonly readStore: ReadStore;
  },
  into: Breakdown,
): typeof parts {
  const { source, definition, readStore } = parts;
  const fold = definition.fold;
  const timed = <T>(add: (ms: number) => void, call: () => T): T => {
    const started = performance.now();
    try {
      return call();
    } finally {
      add(performance.now() - started);
    }
  };
  return {
    source: {
      readAll: (options) =>
        timed(
          (ms) => (into.readEvents += ms),
          () => source.readAll(options),
        ),
      ...(source.readAllByStream && {
        readAllByStream: (options: Parameters<NonNullable<EventSource['readAllByStream']>>[0]) =>
          timed(
            (ms) => (into.readEvents += ms),
            () => (source.readAllByStream as NonNullable<EventSource['readAllByStream']>)(options),
          ),
      }),
      ...(source.readAllByStreamPages && {
        readAllByStreamPages: (options: Parameters<NonNullable<EventSource['readAllByStreamPages']>>[0]) =>
          timedPages(
            (ms) => (into.readEvents += ms),
            (source.readAllByStreamPages as NonNullable<EventSource['readAllByStreamPages']>)(options),
          ),
      }),
      subscribeToAll: (options) => source.subscribeToAll(options),
      headPosition: () => source.headPosition(),
    },
    definition: {
      ...definition,
      evolve: (doc, event) =>
        timed(
          (ms) => (into.evolve += ms),
          () => definition.evolve(doc, event),
        ),
      ...(fold === undefined
        ? {}
        : {
            fold: {
              step: (doc, event) =>
                timed(
                  (ms) => (into.evolve += ms),
                  () => fold.step(doc, event),
                ),
              finalize: (doc) =>
                timed(
                  (ms) => (into.evolve += ms),
                  () => fold.finalize(doc),
                ),
            },
          }),
    },
    readStore: {
      ...bind(readStore),
      getMany: async (collection, ids) => {
        const found = await timed(
          (ms) => (into.getMany += ms),
          () => readStore.getMany(collection, ids),
        );
        const texts = [...found.values()].map((document) => JSON.stringify(document.body));
        timed(
          (ms) => (into.getManyParseEstimate += ms),
          () => texts.forEach((text) => JSON.parse(text)),
        );
        into.documentsRead += found.size;
        return found;
      },
      bulkWrite: (collection, operations) => {
        const bodies = operations.flatMap((operation) =>
          operation.kind === 'upsert' ? [operation.document.body] : [],
        );
        timed(
          (ms) => (into.bulkWriteStringifyEstimate += ms),
          () => bodies.forEach((body) => (into.bytesWritten += JSON.stringify(body).length)),
        );
        into.documentsWritten += bodies.length;
        into.batches++;
        return timed(
          (ms) => (into.bulkWrite += ms),
          () => readStore.bulkWrite(collection, operations),
        );
      },
      ensureCollection: (spec) =>
        timed(
          (ms) => (into.ensureCollection += ms),
          () => readStore.ensureCollection(spec),
        ),
      saveCheckpoint: (name, checkpoint) =>
        timed(
          (ms) => (into.saveCheckpoint += ms),
          () => readStore.saveCheckpoint(name, checkpoint),
        ),
    },
  };
}

/**
 * The pages, with the time from asking for each page to getting it added up: with a read-ahead, the wait
 * for the reading thread and the parse of data and metadata on this one.
 */
async function* timedPages<T>(add: (ms: number) => void, pages: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = pages[Symbol.asyncIterator]();
  try {
    for (;;) {
      const started = performance.now();
      const next = await iterator.next();
      add(performance.now() - started);
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

/** The store's methods bound to it, so that spreading them keeps `this`. */
function bind(store: ReadStore): ReadStore {
  return {
    ensureCollection: (spec) => store.ensureCollection(spec),
    dropCollection: (name) => store.dropCollection(name),
    get: (collection, id) => store.get(collection, id),
    getJson: (collection, id) => store.getJson(collection, id),
    getMany: (collection, ids) => store.getMany(collection, ids),
    bulkWrite: (collection, operations) => store.bulkWrite(collection, operations),
    find: (collection, query) => store.find(collection, query),
    count: (collection, where) => store.count(collection, where),
    getCheckpoint: (name) => store.getCheckpoint(name),
    saveCheckpoint: (name, checkpoint) => store.saveCheckpoint(name, checkpoint),
    rewindCheckpoint: (name, checkpoint) => store.rewindCheckpoint(name, checkpoint),
    setAlias: (alias, collection) => store.setAlias(alias, collection),
    resolveAlias: (alias) => store.resolveAlias(alias),
    close: () => store.close(),
  };
}
