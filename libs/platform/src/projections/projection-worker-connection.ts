import { Worker } from 'node:worker_threads';
import type { ProjectionStatus } from '@crm/projection-runtime';
import {
  PROJECTION_WORKER_FILE,
  type ProjectionRequest,
  type ProjectionWorkerData,
  type ProjectionWorkerMessage,
} from './projection-worker';

type Pending = { resolve: (statuses?: ProjectionStatus[]) => void; reject: (error: Error) => void };

/** One worker thread running the projections: request/reply by id, and how it ended. */
export class ProjectionWorkerConnection {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly exited: Promise<void>;
  private nextId = 0;
  private ended: string | undefined;
  private readyNow = false;

  constructor(data: ProjectionWorkerData, onDeath: (failure: string) => void) {
    // This module's `process.env`, not the process's: under jest it is the test's own copy.
    this.worker = new Worker(PROJECTION_WORKER_FILE, {
      workerData: data,
      env: process.env,
      ...sourceLoader(),
    });
    let bootFailure: string | undefined;
    let thrown: string | undefined;
    let markReady: () => void = () => undefined;
    let refuse: (error: Error) => void = () => undefined;
    this.ready = new Promise<void>((resolve, reject) => ((markReady = resolve), (refuse = reject)));
    this.ready.catch(() => undefined);
    this.worker.on('message', (message: ProjectionWorkerMessage) => {
      if (message.type === 'ready') {
        this.readyNow = true;
        markReady();
      } else if (message.type === 'boot-failed') {
        bootFailure = `${message.failed.name}: ${message.failed.message}`;
        void this.worker.terminate();
      } else this.settle(message);
    });
    this.worker.on('error', (error) => (thrown = `${error.name}: ${error.message}`));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        const failure = bootFailure ?? thrown ?? `the thread exited with code ${code}`;
        this.ended = failure;
        refuse(new Error(`the projection thread stopped: ${failure}`));
        for (const pending of this.pending.values())
          pending.reject(new Error(`the projection thread stopped: ${failure}`));
        this.pending.clear();
        onDeath(failure);
        resolve();
      }),
    );
  }

  get isReady(): boolean {
    return this.readyNow && this.ended === undefined;
  }

  get hasExited(): boolean {
    return this.ended !== undefined;
  }

  async request(op: ProjectionRequest['op']): Promise<ProjectionStatus[] | undefined> {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op } satisfies ProjectionRequest);
    });
  }

  /** A clean stop lets the thread exit by itself; past the deadline, or on a failure, it is terminated. */
  async stop(timeoutMs: number, onUnclean: (error: string) => void): Promise<ProjectionStatus[] | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    try {
      const stopped = this.request('stop').then(async (statuses) => {
        await this.exited;
        return { statuses };
      });
      const outcome = await Promise.race([stopped, deadline]);
      if (outcome === 'late') throw new Error(`not stopped within ${timeoutMs} ms`);
      return outcome.statuses;
    } catch (error) {
      if (this.ended === undefined) {
        onUnclean(error instanceof Error ? error.message : String(error));
        await this.worker.terminate();
      }
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private settle(message: Extract<ProjectionWorkerMessage, { type: 'reply' }>): void {
    const pending = this.pending.get(message.id);
    if (pending === undefined) return;
    this.pending.delete(message.id);
    if ('failed' in message) pending.reject(new Error(`${message.failed.name}: ${message.failed.message}`));
    else pending.resolve(message.statuses);
  }
}

/** Under ts-jest or tsx the worker file is TypeScript: the thread compiles it with tsx, as they do. */
function sourceLoader(): { execArgv?: string[] } {
  return PROJECTION_WORKER_FILE.endsWith('.ts')
    ? { execArgv: ['--require', require.resolve('tsx/cjs')] }
    : {};
}
