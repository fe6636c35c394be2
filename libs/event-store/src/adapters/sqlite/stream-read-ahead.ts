import { on } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { EventEnvelope } from '@crm/domain';
import type { ReadByStreamPagesOptions } from '../../event-store';
import { toEnvelope } from './event-row';
import {
  STREAM_PAGE_WORKER_FILE,
  type StreamPageReply,
  type StreamPageWorkerData,
} from './stream-page-worker';
import { workerSourceLoader } from './worker-source-loader';

export interface StreamReadAheadOptions extends ReadByStreamPagesOptions {
  readonly path: string;
  /** Pages requested ahead of the one the consumer holds (at least 1). */
  readonly pagesAhead: number;
  readonly busyTimeoutMs: number;
}

/**
 * The log stream by stream, read on a worker thread with its own read-only connection to the same WAL file
 * while the consumer works on the page before: the SQL stepping leaves the consumer's thread, which only
 * parses data and metadata. At most `pagesAhead` pages wait or are being read, so memory stays bounded.
 * The thread is stopped when the iteration ends for any reason; `running` holds it meanwhile, so that
 * closing the store can stop it too.
 */
export async function* streamReadAhead(
  options: StreamReadAheadOptions,
  running: Set<Worker>,
): AsyncGenerator<EventEnvelope[]> {
  const { path, until, after, pageSize, busyTimeoutMs } = options;
  const read: StreamPageWorkerData = {
    role: 'crm-stream-pages',
    path,
    until,
    after,
    pageSize,
    busyTimeoutMs,
  };
  const worker = new Worker(STREAM_PAGE_WORKER_FILE, {
    workerData: read,
    // The thread holds a page or two at a time; V8's default young generation (up to 3 × 16 MiB) for
    // it alone added ~30 MB to a rebuild's peak RSS, a small one costs nothing measurable.
    resourceLimits: { maxYoungGenerationSizeMb: 1 },
    ...workerSourceLoader(STREAM_PAGE_WORKER_FILE),
  });
  running.add(worker);
  try {
    // An error thrown in the thread rejects the iteration; an exit ends it.
    const replies = on(worker, 'message', { close: ['exit'] }) as AsyncIterableIterator<[StreamPageReply]>;
    for (let requested = 0; requested < Math.max(1, options.pagesAhead); requested++)
      worker.postMessage(null);
    for await (const [reply] of replies) {
      if ('failed' in reply) throw new StreamReadError(reply.failed);
      if (!reply.last) worker.postMessage(null);
      if (reply.rows.length > 0) yield reply.rows.map(toEnvelope);
      if (reply.last) return;
    }
    throw new Error('the stream page reader thread stopped before the last page');
  } finally {
    running.delete(worker);
    await worker.terminate();
  }
}

/** A read that failed in the reading thread, with the name and message (and SQLite code) it failed with. */
export class StreamReadError extends Error {
  override readonly name = 'StreamReadError';
  readonly code?: string;

  constructor(failed: { readonly name: string; readonly message: string; readonly code?: string }) {
    super(`reading the log stream by stream failed: ${failed.name}: ${failed.message}`);
    this.code = failed.code;
  }
}
