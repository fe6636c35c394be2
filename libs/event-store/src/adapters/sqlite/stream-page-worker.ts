import { isMainThread, type MessagePort, parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { StreamCursor } from '../../event-store';
import type { EventRow } from './event-row';
import { cursorAfter, StreamOrderQuery } from './stream-order-query';

/** This module's file as the running code names it: the .ts source under ts-jest or tsx, the .js of a build. */
export const STREAM_PAGE_WORKER_FILE = __filename;

export interface StreamPageWorkerData {
  readonly role: 'crm-stream-pages';
  /** The event store's file, opened read-only. */
  readonly path: string;
  readonly until: number;
  readonly after?: StreamCursor;
  readonly pageSize: number;
  readonly busyTimeoutMs: number;
}

/**
 * The answer to each request: the next page as raw rows (arrays of plain values clone cheaply; the JSON of
 * data and metadata is parsed by the consumer), `last` with the page that ends the read; or why it failed
 * (an error thrown in a thread reaches the other one without its message when its class is not a built-in
 * one, as better-sqlite3's `SqliteError` is not).
 */
export type StreamPageReply =
  | { readonly rows: EventRow[]; readonly last: boolean }
  | { readonly failed: { readonly name: string; readonly message: string; readonly code?: string } };

/** Answers each message with the next page of the read, from its own read-only connection. */
function servePages(port: MessagePort, read: StreamPageWorkerData): void {
  let next: () => StreamPageReply;
  try {
    next = pageReader(read);
  } catch (error) {
    next = () => failure(error);
  }
  let done = false;
  port.on('message', () => {
    if (done) return;
    let reply: StreamPageReply;
    try {
      reply = next();
    } catch (error) {
      reply = failure(error);
    }
    done = !('rows' in reply) || reply.last;
    port.postMessage(reply);
  });
}

function pageReader(read: StreamPageWorkerData): () => StreamPageReply {
  const db = new Database(read.path, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${read.busyTimeoutMs}`);
  const query = new StreamOrderQuery(db);
  let after = read.after;
  return () => {
    const rows = query.page(read.until, after, read.pageSize);
    after = cursorAfter(rows) ?? after;
    return { rows, last: rows.length < read.pageSize };
  };
}

function failure(error: unknown): StreamPageReply {
  const thrown: Error & { code?: unknown } = error instanceof Error ? error : new Error(String(error));
  const { name, message, code } = thrown;
  return { failed: { name, message, ...(typeof code === 'string' ? { code } : {}) } };
}

const isStreamPageRead = (data: unknown): data is StreamPageWorkerData =>
  (data as Partial<StreamPageWorkerData> | null)?.role === 'crm-stream-pages';

// The reader imports this module for its file name; only a thread started with a read serves pages.
if (!isMainThread && parentPort !== null && isStreamPageRead(workerData)) servePages(parentPort, workerData);
