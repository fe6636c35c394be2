import type { EventEnvelope, ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { discoverProjections } from './projection-registry';
import { projectionRunOptions } from './projection-run-options';
import type { ReadStore, WriteOperation } from '@crm/read-store/read-store';
import { deepFreeze } from '../../../projection-runtime/test/support/deep-freeze';
import { demoHistory, executeAll } from '../../../projection-runtime/test/support/demo-history';
import { dumpCollection } from '../../../projection-runtime/test/support/dump-collection';
import { appendAccessViews, rareCommands } from '../../../projection-runtime/test/support/rare-history';
import { useSqliteWorkspace } from '../../../projection-runtime/test/support/sqlite-workspace';
import { collectionName } from '@crm/projection-runtime/collection-name';
import { CollectionWriter } from '@crm/projection-runtime/collection-writer';
import { DEAD_LETTERS } from '@crm/projection-runtime/dead-letter';
import { CHAIN_HEADS, type DocumentChain } from '@crm/projection-runtime/document-chain';

/** Fewer documents kept than the demo has customers, and odd batches: hits, misses and evictions. */
const CACHE_SIZE = 25;
const BATCH_SIZE = 37;

/**
 * The definition and chain with every document they are given deep-frozen: the writer hands the document
 * it kept to the next batch as is, so an `evolve` or `link` that changed it would change the kept copy.
 */
function frozenInputs(
  definition: ProjectionDefinition,
  chain: DocumentChain<ProjectionDocument> | undefined,
): { definition: ProjectionDefinition; chain?: DocumentChain<ProjectionDocument> } {
  return {
    definition: { ...definition, evolve: (doc, event) => definition.evolve(deepFreeze(doc), event) },
    ...(chain === undefined
      ? {}
      : { chain: { link: (previous, next) => chain.link(deepFreeze(previous), deepFreeze(next)) } }),
  };
}

/** The path of the first array directly inside an array, which FerretDB refuses to store; undefined if none. */
function nestedArrayPath(value: unknown, path = '$'): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      if (Array.isArray(item)) return `${path}[${index}]`;
      const found = nestedArrayPath(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = nestedArrayPath(item, `${path}.${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Counts the documents read back, and fails a write whose body is not plain JSON (a kept body must equal
 * what a read would parse) or holds an array directly inside an array (the MongoDB adapter on FerretDB
 * could not store it).
 */
function observed(store: ReadStore): { store: ReadStore; reads: { documents: number } } {
  const reads = { documents: 0 };
  const wrapped: ReadStore = Object.assign(Object.create(store) as ReadStore, {
    getMany: (collection: string, ids: readonly string[]) => {
      reads.documents += ids.length;
      return store.getMany(collection, ids);
    },
    bulkWrite: (collection: string, operations: readonly WriteOperation[]) => {
      for (const operation of operations) {
        if (operation.kind !== 'upsert') continue;
        const { body } = operation.document;
        expect(body).toStrictEqual(JSON.parse(JSON.stringify(body)));
        expect(nestedArrayPath(body)).toBeUndefined();
      }
      return store.bulkWrite(collection, operations);
    },
  });
  return { store: wrapped, reads };
}

describe('every discovered projection through a CollectionWriter that keeps its documents', () => {
  const workspace = useSqliteWorkspace('crm-collection-writer-projections');
  const definitions = discoverProjections();
  let log: readonly EventEnvelope[] = [];

  beforeEach(async () => {
    const demo = demoHistory(40);
    await executeAll(workspace.events, [...demo, ...rareCommands(demo)]);
    await appendAccessViews(workspace.events, demo);
    log = await workspace.events.readAll({ after: 0, limit: 1_000_000 });
  });

  const build = async (
    store: ReadStore,
    definition: ProjectionDefinition,
    documentCacheSize: number,
    chain: DocumentChain<ProjectionDocument> | undefined,
  ) => {
    const collection = collectionName(definition);
    const writer = await CollectionWriter.open({
      definition,
      readStore: store,
      collection,
      maxAttempts: 3,
      clock: () => new Date('2026-11-23T00:00:00Z'),
      poison: projectionRunOptions(definition).poison,
      documentCacheSize,
      ...(chain === undefined ? {} : { chain }),
    });
    for (let start = 0; start < log.length; start += BATCH_SIZE) {
      await writer.apply(log.slice(start, start + BATCH_SIZE));
    }
    return {
      documents: await dumpCollection(store, collection),
      deadLetters: await dumpCollection(store, DEAD_LETTERS.name),
      chainHead: await store.get(CHAIN_HEADS.name, collection).catch(() => undefined),
    };
  };

  it('runs them on a history with every event type they handle', () => {
    const types = new Set(log.map((event) => event.type));
    const missing = definitions.flatMap((definition) =>
      definition.handles.filter((type) => !types.has(type)),
    );
    expect(definitions.length).toBeGreaterThanOrEqual(8);
    expect([...new Set(missing)]).toEqual([]);
  });

  it.each(definitions.map((definition) => [definition.name, definition] as const))(
    '%s: the same documents as without cache, its evolve never changing a document it is given',
    async (name, definition) => {
      const { chain } = projectionRunOptions(definition);
      const frozen = frozenInputs(definition, chain);

      const cached = observed(workspace.readStore(`${name}-cached`));
      const uncached = observed(workspace.readStore(`${name}-uncached`));

      const built = await build(cached.store, frozen.definition, CACHE_SIZE, frozen.chain);

      expect(built).toEqual(await build(uncached.store, definition, 0, chain));
      expect(built.documents.length).toBeGreaterThan(0);
      expect(cached.reads.documents).toBeLessThan(uncached.reads.documents);
    },
  );
});
