import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommittedGroup } from '../../src/adapters/sqlite/group-commit-queue';
import { SqliteEventStore } from '../../src/adapters/sqlite/sqlite-event-store';
import type { SqliteEventStoreOptions } from '../../src/adapters/sqlite/sqlite-event-store-options';

export interface SqliteEventStores {
  /** The database file of the current test, in a fresh directory. */
  readonly path: () => string;
  /** The groups every store opened here committed, cleared before each test. */
  readonly groups: CommittedGroup[];
  /** Opens a store on `path()`; it is closed after the test. */
  readonly openStore: (options?: Partial<SqliteEventStoreOptions>) => SqliteEventStore;
}

/** For the enclosing describe block: a temp directory per test, and the stores opened in it, closed after. */
export function useSqliteEventStores(
  prefix: string,
  defaults: Partial<SqliteEventStoreOptions> = {},
): SqliteEventStores {
  let dir = '';
  let path = '';
  const open: SqliteEventStore[] = [];
  const groups: CommittedGroup[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    path = join(dir, 'nested', 'events.db');
    groups.length = 0;
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    path: () => path,
    groups,
    openStore: (options = {}) => {
      const store = SqliteEventStore.open({
        path,
        onGroupCommit: (group) => groups.push(group),
        ...defaults,
        ...options,
      });
      open.push(store);
      return store;
    },
  };
}
