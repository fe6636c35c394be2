import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';

export interface SqliteWorkspace {
  /** The test's own directory. */
  readonly dir: string;
  /** `events.db` in it, polling every 10 ms. */
  readonly events: SqliteEventStore;
  /** `<name>.db` in it, opened now and closed after the test. */
  readStore(name: string): SqliteReadStore;
}

/**
 * Gives each test of the enclosing `describe` a fresh directory with a SQLite event store, and read stores
 * on demand; closes them all and removes the directory after the test. Read the fields inside tests only.
 */
export function useSqliteWorkspace(prefix: string): SqliteWorkspace {
  let current: { dir: string; events: SqliteEventStore } | undefined;
  const opened: SqliteReadStore[] = [];
  const open = () => {
    if (current === undefined) throw new Error('the SQLite workspace exists only inside a test');
    return current;
  };

  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    current = { dir, events: SqliteEventStore.open({ path: join(dir, 'events.db'), pollIntervalMs: 10 }) };
  });

  afterEach(async () => {
    const { dir, events } = open();
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await events.close();
    rmSync(dir, { recursive: true, force: true });
    current = undefined;
  });

  return {
    get dir() {
      return open().dir;
    },
    get events() {
      return open().events;
    },
    readStore(name: string): SqliteReadStore {
      const store = SqliteReadStore.open({ path: join(open().dir, `${name}.db`) });
      opened.push(store);
      return store;
    },
  };
}
