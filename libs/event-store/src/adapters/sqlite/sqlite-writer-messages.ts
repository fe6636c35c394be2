import type { AppendResult } from '../../event-store';
import type { AppendRequest } from './pending-append';
import type { ThrownError } from './thrown-error';

export interface SqliteWriterWorkerData {
  readonly role: 'crm-sqlite-writer';
  /** The event store's file, opened with the same pragmas as the store's own connection. */
  readonly path: string;
  readonly busyTimeoutMs: number;
}

/** Write one group, stamped `recordedAt`; or close the connection and let the thread end. */
export type SqliteWriterRequest =
  | { readonly appends: readonly AppendRequest[]; readonly recordedAt: string }
  | { readonly close: true };

export type WireOutcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: ThrownError };

/** Each append's outcome after COMMIT, in order; or why the whole transaction failed (nothing committed). */
export type SqliteWriterReply =
  | { readonly outcomes: readonly WireOutcome[] }
  | { readonly failed: ThrownError };
