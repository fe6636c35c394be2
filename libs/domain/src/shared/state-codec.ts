/**
 * A state as a snapshot holds it, in two parts. `state` is whatever may hold personal data (a customer's
 * profile): a snapshot store seals it with the data subject's key. `plain` holds no personal field, only
 * what the events hold in clear too (ids, amounts, instants): it is stored as it is, so that a long
 * history's columns are read without decrypting them (ADR on command-state snapshots).
 */
export interface EncodedState {
  readonly state: Uint8Array;
  readonly plain: Uint8Array;
}

/**
 * How an aggregate's state is written into a snapshot and read back (ADR on command-state snapshots).
 * `version` names the decider's state and the event schemas it was folded from: a snapshot written under
 * another version is never decoded, so changing `evolve`, the state's shape or an event's schema version
 * invalidates every snapshot at once. Bytes, so that a state's long columns need no parsing.
 */
export interface StateCodec<TState> {
  readonly version: string;
  readonly encode: (state: TState) => EncodedState;
  /** The state `encode` was given. It may be views over `encoded`'s bytes, which are not to be reused. */
  readonly decode: (encoded: EncodedState) => TState;
}
