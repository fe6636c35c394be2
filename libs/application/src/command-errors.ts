/** The same command id (idempotency key) came with a different request than the one it first carried. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';

  constructor(readonly commandId: string) {
    super(`idempotency key ${commandId} was already used for a different request`);
  }
}

/** The caller demanded a revision (If-Match) and the stream is at another one. */
export class RevisionMismatchError extends Error {
  override readonly name = 'RevisionMismatchError';

  constructor(
    readonly streamId: string,
    readonly expectedRevision: number,
    /** -1 when the stream does not exist. */
    readonly currentRevision: number,
  ) {
    super(`${streamId} is at revision ${currentRevision}, not ${expectedRevision}`);
  }
}

/** Other writers kept winning the race for the stream through every re-decide. */
export class ConcurrencyRetriesExhaustedError extends Error {
  override readonly name = 'ConcurrencyRetriesExhaustedError';

  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`${streamId} changed under ${attempts} attempts in a row; try again`);
  }
}
