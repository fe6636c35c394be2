import { join } from 'node:path';
import type { ProjectionDefinition } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { discoverProjections, openDataProtection, projectionHost, protectedEventStore } from '@crm/platform';
import { projectionTarget } from '@crm/projection-runtime';
import { MongoReadStore, type ReadStore, SqliteReadStore } from '@crm/read-store';
import { dumpCollection } from '../../../../libs/projection-runtime/test/support/dump-collection';
import type { StackSettings } from './stack-processes';

export type Dumps = Record<string, string[]>;

/**
 * Every projection's documents, as sorted JSON lines, keyed by projection name. The document `version`
 * counts writes, which batching decides, so two runs are compared on id and body.
 */
export async function dumpProjections(
  readStore: ReadStore,
  definitions: readonly ProjectionDefinition[] = discoverProjections(),
): Promise<Dumps> {
  const dumps: Dumps = {};
  for (const definition of definitions) {
    const lines = await dumpCollection(readStore, await projectionTarget(readStore, definition));
    dumps[definition.name] = lines.map((line) => {
      const { id, body } = JSON.parse(line) as { id: string; body: unknown };
      return JSON.stringify({ id, body });
    });
  }
  return dumps;
}

/** What the projectors wrote into MongoDB. */
export async function distributedDumps(settings: StackSettings): Promise<Dumps> {
  const reads = await MongoReadStore.connect({
    url: settings.env.MONGO_URL ?? '',
    databaseName: settings.readDatabase,
  });
  try {
    return await dumpProjections(reads);
  } finally {
    await reads.close();
  }
}

/**
 * What embedded mode builds from the same log: every projection replayed from the API's SQLite event store
 * (opened with the same keys) into a fresh SQLite read store.
 */
export async function embeddedDumps(settings: StackSettings, scratchDir: string): Promise<Dumps> {
  const protection = await openDataProtection(settings.env);
  const events = protectedEventStore(
    SqliteEventStore.open({ path: join(settings.env.CRM_DATA_DIR ?? '', 'events.db') }),
    protection,
  );
  const reads = SqliteReadStore.open({ path: join(scratchDir, `embedded-${Date.now()}.db`) });
  try {
    await projectionHost(events, reads).catchUp();
    return await dumpProjections(reads);
  } finally {
    await reads.close();
    await events.close();
    await protection.keys.close();
  }
}
