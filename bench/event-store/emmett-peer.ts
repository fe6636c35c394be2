import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

/**
 * The peer lives in its own project, `bench/event-store/peer` (package.json, lockfile, node_modules), not in
 * the project's dependencies: it runs on `sqlite3`, whose native binding `npm ci` would otherwise build for
 * every user (ADR 0030). `npm run bench:event-store:peer` installs it; the bench does so on first use.
 */
const PEER_DIR = join(__dirname, 'peer');
const REPO_ROOT = join(__dirname, '..', '..');
const PACKAGES = ['@event-driven-io/emmett-sqlite', 'sqlite3'] as const;

/** The event as Emmett stores it: our id, time and schema version travel in Emmett's metadata. */
export interface EmmettEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

/** The part of `@event-driven-io/emmett-sqlite` 0.38.5 the bench calls, typed here so that typecheck needs no peer. */
export interface SQLiteConnection {
  query<T>(sql: string): Promise<T[]>;
  close(): void;
}

export interface SQLiteEventStore {
  appendToStream(
    streamName: string,
    events: EmmettEvent[],
    options: { expectedStreamVersion: bigint },
  ): Promise<unknown>;
  readStream(streamName: string): Promise<{ currentStreamVersion: bigint; events: readonly unknown[] }>;
}

export interface EmmettSqlite {
  getSQLiteEventStore(options: { fileName: string }): SQLiteEventStore;
  sqliteConnection(options: { fileName: string }): SQLiteConnection;
  readMessagesBatch(
    connection: SQLiteConnection,
    options: { after: bigint; batchSize: number },
  ): Promise<{ currentGlobalPosition: bigint; messages: readonly unknown[] }>;
}

export interface EmmettPeer {
  readonly emmett: EmmettSqlite;
  /** The SQLite library version inside the peer's `sqlite3` binding. */
  readonly sqliteVersion: string;
}

/** Loads the peer from `bench/event-store/peer`, installing it first when it is not there. */
export function loadEmmettPeer(log: (message: string) => void): EmmettPeer {
  const peerRequire = createRequire(join(PEER_DIR, 'package.json'));
  const resolvable = (id: string): boolean => {
    try {
      peerRequire.resolve(id);
      return true;
    } catch {
      return false;
    }
  };
  if (!PACKAGES.every(resolvable)) install(log);
  try {
    return {
      emmett: peerRequire('@event-driven-io/emmett-sqlite') as EmmettSqlite,
      sqliteVersion: (peerRequire('sqlite3') as { VERSION: string }).VERSION,
    };
  } catch (error) {
    throw new Error(
      `the Emmett peer in ${relative(REPO_ROOT, PEER_DIR)} did not load (${error instanceof Error ? error.message : String(error)}); ` +
        'reinstall it with `npm run bench:event-store:peer`, or leave it out with --systems crm,raw',
    );
  }
}

function install(log: (message: string) => void): void {
  log(
    `Emmett, the peer, is not installed: installing it into ${relative(REPO_ROOT, PEER_DIR)}/node_modules ` +
      'with `npm run bench:event-store:peer` (once; sqlite3 builds its native binding when no prebuilt one ' +
      'can be fetched: a minute or two). To run without it: --systems crm,raw',
  );
  // The installer's output goes to stderr with the bench's progress: stdout is the report alone.
  const result = spawnSync('npm', ['run', 'bench:event-store:peer'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0)
    throw new Error(
      `installing the Emmett peer failed (${result.error?.message ?? `npm exited with ${result.status ?? result.signal}`}); ` +
        'retry with `npm run bench:event-store:peer`, or leave it out with --systems crm,raw',
    );
}
