import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { SqliteWriterRequest, SqliteWriterWorkerData } from './sqlite-writer-messages';
import { serveWrites } from './sqlite-writer-service';

/** A group appending to this stream stops the thread before it answers. */
export const STOPPING_STREAM = 'stop-the-writer-thread';

/** The writer thread's entry for specs: the real one, except that it can be made to stop mid-group. */
export const STOPPING_WRITER_WORKER_FILE = __filename;

if (!isMainThread && parentPort !== null) {
  // Registered before the writer's own listener, so it runs first on each group.
  parentPort.on('message', (request: SqliteWriterRequest) => {
    if ('appends' in request && request.appends.some(({ streamId }) => streamId === STOPPING_STREAM)) {
      process.exit(70);
    }
  });
  serveWrites(parentPort, workerData as SqliteWriterWorkerData);
}
