import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { SqliteWriterWorkerData } from './sqlite-writer-messages';
import { serveWrites } from './sqlite-writer-service';

/** This module's file as the running code names it: the .ts source under ts-jest or tsx, the .js of a build. */
export const SQLITE_WRITER_WORKER_FILE = __filename;

const isWriterThread = (data: unknown): data is SqliteWriterWorkerData =>
  (data as Partial<SqliteWriterWorkerData> | null)?.role === 'crm-sqlite-writer';

// The store imports this module for its file name; only a thread started as the writer serves writes.
if (!isMainThread && parentPort !== null && isWriterThread(workerData)) serveWrites(parentPort, workerData);
