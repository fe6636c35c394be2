import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { AppendOutcome, AppendRequest } from './pending-append';
import type {
  SqliteWriterReply,
  SqliteWriterRequest,
  SqliteWriterWorkerData,
  WireOutcome,
} from './sqlite-writer-messages';
import { SQLITE_WRITER_WORKER_FILE } from './sqlite-writer-worker';
import { rebuildThrown } from './thrown-error';
import { workerSourceLoader } from './worker-source-loader';

interface InFlight {
  readonly resolve: (outcomes: AppendOutcome[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The main thread's handle on the writer thread: sends one group at a time and settles it from the reply.
 * The thread starts with the first group (a store that only reads never starts one). A thread that stops
 * fails the group it was writing and is replaced by a new one for the next group. It keeps the process
 * alive only while a group is in flight.
 */
export class SqliteWriterThread {
  private worker: Worker | undefined;
  private inFlight: InFlight | undefined;

  constructor(
    private readonly data: Omit<SqliteWriterWorkerData, 'role'>,
    /** The thread's entry file; specs start one that can be made to stop. */
    private readonly workerFile: string = SQLITE_WRITER_WORKER_FILE,
  ) {}

  write(group: readonly AppendRequest[], recordedAt: string): Promise<AppendOutcome[]> {
    if (this.inFlight !== undefined) throw new Error('the SQLite writer thread takes one group at a time');
    const worker = (this.worker ??= this.startWorker());
    const appends = group.map(({ streamId, events, expected }) => ({ streamId, events, expected }));
    worker.postMessage({ appends, recordedAt } satisfies SqliteWriterRequest);
    worker.ref();
    return new Promise<AppendOutcome[]>((resolve, reject) => {
      this.inFlight = { resolve, reject };
    });
  }

  /** Lets the thread close its connection and end; call once no group is in flight. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (worker === undefined) return;
    this.worker = undefined;
    const exited = once(worker, 'exit');
    worker.postMessage({ close: true } satisfies SqliteWriterRequest);
    worker.ref();
    await exited;
  }

  private startWorker(): Worker {
    const workerData: SqliteWriterWorkerData = { role: 'crm-sqlite-writer', ...this.data };
    const worker = new Worker(this.workerFile, { workerData, ...workerSourceLoader(this.workerFile) });
    worker.unref();
    let failure: Error | undefined;
    worker.on('message', (reply: SqliteWriterReply) => this.settle(worker, reply));
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => this.stopped(worker, code, failure));
    return worker;
  }

  private settle(worker: Worker, reply: SqliteWriterReply): void {
    const inFlight = this.takeInFlight(worker);
    if (inFlight === undefined) return;
    if ('failed' in reply) inFlight.reject(rebuildThrown(reply.failed));
    else inFlight.resolve(reply.outcomes.map(fromWire));
  }

  private stopped(worker: Worker, code: number, failure: Error | undefined): void {
    const inFlight = this.takeInFlight(worker);
    if (this.worker === worker) this.worker = undefined;
    if (inFlight === undefined) return;
    const reason = failure === undefined ? `exit code ${code}` : `${failure.name}: ${failure.message}`;
    inFlight.reject(
      new Error(
        `the SQLite writer thread stopped (${reason}) before answering: the appends of its group may or ` +
          'may not have committed; retry them with the same command id, which deduplicates',
      ),
    );
  }

  /** The group in flight, when `worker` is the thread writing it. */
  private takeInFlight(worker: Worker): InFlight | undefined {
    if (this.worker !== worker) return undefined;
    const inFlight = this.inFlight;
    this.inFlight = undefined;
    worker.unref();
    return inFlight;
  }
}

function fromWire(outcome: WireOutcome): AppendOutcome {
  return outcome.ok ? outcome : { ok: false, error: rebuildThrown(outcome.error) };
}
