import { isMainThread, type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { EventStore } from '@crm/event-store';
import type { ProjectionHost, ProjectionStatus } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';
import { type DataProtection, openDataProtection } from '../crypto/data-protection';
import { readEventStoreConfig } from '../event-store/event-store.config';
import { openRawEventStore, protectedEventStore } from '../event-store/event-store.module';
import { openReadStore } from '../read-store/open-read-store';
import { readReadStoreConfig } from '../read-store/read-store.config';
import { projectionHost } from './projection-host-factory';
import { discoverProjections } from './projection-registry';

/** This module's file as the running code names it: the .ts source under ts-jest or tsx, the .js of a build. */
export const PROJECTION_WORKER_FILE = __filename;

export interface ProjectionWorkerData {
  readonly role: 'crm-projections';
  /** The folder whose projections the thread runs. */
  readonly projectionsRoot: string;
  /** How often the thread's own event store connection looks for appends made by the API's thread. */
  readonly pollIntervalMs: number;
}

export type ProjectionRequest = { readonly id: number; readonly op: 'statuses' | 'catchUp' | 'stop' };

/**
 * Why something failed in the thread, as plain data: an error crossing threads loses its message when
 * its class is not a built-in one (better-sqlite3's `SqliteError`).
 */
export interface ThreadFailure {
  readonly name: string;
  readonly message: string;
}

export type ProjectionWorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'boot-failed'; readonly failed: ThreadFailure }
  | { readonly type: 'reply'; readonly id: number; readonly statuses?: ProjectionStatus[] }
  | { readonly type: 'reply'; readonly id: number; readonly failed: ThreadFailure };

interface Stores {
  readonly events: EventStore;
  readonly protection: DataProtection;
  readonly reads: ReadStore;
}

const CATCH_UP_POLL_MS = 10;

/** Opens the thread's own connections as configured (the same environment as the API's thread) and runs. */
async function serveProjections(port: MessagePort, data: ProjectionWorkerData): Promise<void> {
  let stores: Stores;
  let host: ProjectionHost;
  try {
    stores = await openStores(data);
    host = projectionHost(stores.events, stores.reads, discoverProjections(data.projectionsRoot));
  } catch (error) {
    port.postMessage({ type: 'boot-failed', failed: failure(error) } satisfies ProjectionWorkerMessage);
    port.unref();
    return;
  }
  host.start();
  const reply = (message: ProjectionWorkerMessage) => port.postMessage(message);
  port.on('message', (request: ProjectionRequest) => {
    void answer(request, host, stores)
      .then(
        (statuses) => reply({ type: 'reply', id: request.id, statuses }),
        (error: unknown) => reply({ type: 'reply', id: request.id, failed: failure(error) }),
      )
      // Stopped: nothing keeps the thread once its stores are closed, so it exits.
      .finally(() => request.op === 'stop' && port.unref());
  });
  port.postMessage({ type: 'ready' } satisfies ProjectionWorkerMessage);
}

async function openStores(data: ProjectionWorkerData): Promise<Stores> {
  const protection = await openDataProtection(process.env);
  const raw = openRawEventStore(readEventStoreConfig(process.env), { pollIntervalMs: data.pollIntervalMs });
  const reads = await openReadStore(readReadStoreConfig(process.env));
  return { events: protectedEventStore(raw, protection), protection, reads };
}

async function answer(
  request: ProjectionRequest,
  host: ProjectionHost,
  stores: Stores,
): Promise<ProjectionStatus[] | undefined> {
  switch (request.op) {
    case 'statuses':
      return host.statuses();
    case 'catchUp':
      return caughtUp(host, await stores.events.headPosition());
    case 'stop': {
      await host.stop();
      const statuses = await host.statuses();
      await stores.events.close();
      await stores.protection.keys.close();
      await stores.reads.close();
      return statuses;
    }
  }
}

/** The host runs: waits until every projection has passed `head`, or fails when one stopped before it. */
async function caughtUp(host: ProjectionHost, head: number): Promise<undefined> {
  for (;;) {
    const statuses = await host.statuses();
    const stopped = statuses.find((status) => status.state !== 'running' && status.position < head);
    if (stopped !== undefined) {
      throw new Error(
        `projection ${stopped.collection} stopped at ${stopped.position} before ${head}` +
          (stopped.lastError === undefined ? '' : `: ${stopped.lastError}`),
      );
    }
    if (statuses.every((status) => status.position >= head)) return undefined;
    await new Promise((resolve) => setTimeout(resolve, CATCH_UP_POLL_MS));
  }
}

function failure(error: unknown): ThreadFailure {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return { name, message };
}

const isProjectionThread = (data: unknown): data is ProjectionWorkerData =>
  (data as Partial<ProjectionWorkerData> | null)?.role === 'crm-projections';

// The proxy imports this module for its file name; only a thread started for projections runs them.
if (!isMainThread && parentPort !== null && isProjectionThread(workerData))
  void serveProjections(parentPort, workerData);
