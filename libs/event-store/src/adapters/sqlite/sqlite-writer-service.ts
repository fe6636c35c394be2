import type { MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { AppendOutcome, AppendRequest } from './pending-append';
import { prepareDatabase } from './schema';
import { SqliteAppendWriter } from './sqlite-append-writer';
import type {
  SqliteWriterReply,
  SqliteWriterRequest,
  SqliteWriterWorkerData,
  WireOutcome,
} from './sqlite-writer-messages';
import { describeThrown } from './thrown-error';

type WriteGroup = (group: readonly AppendRequest[], recordedAt: string) => AppendOutcome[];

/**
 * The writer thread's side: its own connection to the store's file, answering each group with its outcomes
 * once it has committed (or failed as a whole). One group at a time, in the order they arrive.
 */
export function serveWrites(port: MessagePort, data: SqliteWriterWorkerData): void {
  let db: Database.Database | undefined;
  let write: WriteGroup;
  try {
    db = new Database(data.path, { fileMustExist: true });
    prepareDatabase(db, data.busyTimeoutMs);
    const writer = new SqliteAppendWriter(db);
    write = (group, recordedAt) => writer.write(group, recordedAt);
  } catch (error) {
    db?.close();
    db = undefined;
    write = () => {
      throw error;
    };
  }
  port.on('message', (request: SqliteWriterRequest) => {
    if ('close' in request) {
      db?.close();
      port.close();
      return;
    }
    port.postMessage(answer(() => write(request.appends, request.recordedAt)));
  });
}

function answer(write: () => AppendOutcome[]): SqliteWriterReply {
  try {
    return { outcomes: write().map(toWire) };
  } catch (error) {
    return { failed: describeThrown(error) };
  }
}

function toWire(outcome: AppendOutcome): WireOutcome {
  return outcome.ok ? outcome : { ok: false, error: describeThrown(outcome.error) };
}
