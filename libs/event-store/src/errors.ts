import type { ExpectedRevision } from './event-store';

/** The stream is not at the revision the caller expected: re-read, re-decide, retry (DESIGN §5). */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at revision ${actual}, expected ${String(expected)}`);
  }
}

/** Some, but not all, of the event ids of an append are already stored: a retry that does not match its original. */
export class PartialDuplicateAppendError extends Error {
  override readonly name = 'PartialDuplicateAppendError';

  constructor(
    readonly streamId: string,
    readonly duplicateIds: readonly string[],
  ) {
    super(`Append to ${streamId} repeats ${duplicateIds.length} stored event id(s) but not all of them`);
  }
}

/**
 * The stream was deleted for good (EventStoreDB: tombstoned, a hard delete): it can be neither read nor
 * appended to again, under that name. Not the same as an unknown stream, which reads as empty.
 */
export class StreamDeletedError extends Error {
  override readonly name = 'StreamDeletedError';

  constructor(readonly streamId: string) {
    super(`Stream ${streamId} was deleted for good and can be neither read nor written`);
  }
}
