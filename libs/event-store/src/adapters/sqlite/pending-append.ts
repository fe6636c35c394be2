import type { NewEvent } from '@crm/domain';
import type { AppendResult, ExpectedRevision } from '../../event-store';

/** An append waiting for its group to commit. */
export interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** What became of one append inside a group; settled only once the whole group has committed. */
export type AppendOutcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: unknown };
