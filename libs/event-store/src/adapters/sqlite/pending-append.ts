import type { NewEvent } from '@crm/domain';
import type { AppendResult, ExpectedRevision } from '../../event-store';

/** One append as the writer sees it: plain data, so that it can cross to the writer thread. */
export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
}

/** An append waiting for its group to commit. */
export interface PendingAppend extends AppendRequest {
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** What became of one append inside a group; settled only once the whole group has committed. */
export type AppendOutcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: unknown };
