/**
 * How an aggregate's state is written into a snapshot and read back (ADR on command-state snapshots).
 * `version` names the decider's state and the event schemas it was folded from: a snapshot written under
 * another version is never decoded, so changing `evolve`, the state's shape or an event's schema version
 * invalidates every snapshot at once. Bytes, so that a state's long columns need no parsing.
 */
export interface StateCodec<TState> {
  readonly version: string;
  readonly encode: (state: TState) => Uint8Array;
  /** The state `encode` was given. The state may be views over `encoded`: it is not to be reused. */
  readonly decode: (encoded: Uint8Array) => TState;
}
