import type { NewEvent } from '@crm/domain';
import type { EmmettEvent, EmmettPeer, SQLiteConnection, SQLiteEventStore } from './emmett-peer';
import type { Page, Subject } from './subject';

/**
 * The peer: Emmett's SQLite event store (@event-driven-io/emmett-sqlite 0.38.5, on the `sqlite3`
 * package; loaded from its own install, see emmett-peer.ts) with its defaults —
 * `getSQLiteEventStore({ fileName })`, which opens a connection per call with `journal_mode=WAL` and
 * SQLite's default `synchronous` (FULL, checked at run time).
 *
 * Two things differ from our store, both forced by Emmett's API:
 * - Its file-backed store shares one connection between concurrent calls and closes it when a call
 *   ends, so concurrent appends fail (SQLITE_MISUSE "Database is closed", SQLITE_BUSY, "Could not
 *   find stream position"). The 64 callers of workload (b) therefore go through a FIFO mutex: each
 *   caller still issues its appends concurrently, Emmett executes them one at a time.
 * - The store object has no read-all method. Whole-log reads use the package's exported
 *   `readMessagesBatch(connection, { after, batchSize })` — the function its consumers poll with —
 *   on one `sqliteConnection({ fileName })` kept open for the read.
 */
export class EmmettSubject implements Subject {
  readonly name = 'Emmett SQLite';
  private readonly store: SQLiteEventStore;
  private readAllConnection: SQLiteConnection | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly peer: EmmettPeer,
    private readonly fileName: string,
  ) {
    this.store = peer.emmett.getSQLiteEventStore({ fileName });
  }

  /** Appends retried after a transient SQLite error (see {@link append}). */
  retries = 0;

  appendBatch(streamId: string, events: readonly NewEvent[], expected: number): Promise<void> {
    return this.append(streamId, events, expected);
  }

  appendSingle(streamId: string, event: NewEvent, expected: number): Promise<void> {
    return this.serialized(() => this.append(streamId, [event], expected));
  }

  /**
   * Even strictly sequential calls sometimes fail with SQLITE_BUSY "cannot commit transaction - SQL
   * statements in progress" (a race between Emmett's `UPDATE … RETURNING` via `db.get` and its COMMIT
   * on the same sqlite3 connection). A caller would retry that, so we do: up to 5 attempts with the
   * same expected version. If a failed attempt did commit, the retry sees a version conflict; the
   * stream's version then tells us whether our events are in.
   */
  private async append(streamId: string, events: readonly NewEvent[], expected: number): Promise<void> {
    const mapped = events.map(toEmmett);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.store.appendToStream(streamId, mapped, { expectedStreamVersion: BigInt(expected + 1) });
        return;
      } catch (error) {
        if (attempt > 1) {
          const { currentStreamVersion } = await this.store.readStream(streamId);
          if (currentStreamVersion === BigInt(expected + 1 + events.length)) return;
        }
        if (attempt >= 5 || !isTransient(error)) throw error;
        this.retries++;
        await new Promise((resolve) => setTimeout(resolve, attempt));
      }
    }
  }

  async readAllPage(after: number, limit: number): Promise<Page> {
    this.readAllConnection ??= this.peer.emmett.sqliteConnection({ fileName: this.fileName });
    const batch = await this.peer.emmett.readMessagesBatch(this.readAllConnection, {
      after: BigInt(after),
      batchSize: limit,
    });
    return { count: batch.messages.length, lastPosition: Number(batch.currentGlobalPosition) };
  }

  async readStream(streamId: string): Promise<number> {
    return (await this.store.readStream(streamId)).events.length;
  }

  /** The pragmas Emmett's connections run with, read through Emmett's own connection factory. */
  async pragmas(): Promise<string> {
    const connection = this.peer.emmett.sqliteConnection({ fileName: this.fileName });
    try {
      const [journal] = await connection.query<{ journal_mode: string }>('PRAGMA journal_mode');
      const [sync] = await connection.query<{ synchronous: number }>('PRAGMA synchronous');
      const names = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
      return `journal_mode=${journal?.journal_mode ?? '?'}, synchronous=${names[sync?.synchronous ?? -1] ?? '?'}`;
    } finally {
      connection.close();
    }
  }

  sqliteVersion(): string {
    return this.peer.sqliteVersion;
  }

  close(): void {
    this.readAllConnection?.close();
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_MISUSE';
}

function toEmmett(event: NewEvent): EmmettEvent {
  return {
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: {
      ...event.metadata,
      messageId: event.id,
      occurredAt: event.occurredAt,
      schemaVersion: event.schemaVersion,
    },
  };
}
