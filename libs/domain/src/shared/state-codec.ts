/**
 * How an aggregate's state is written into a snapshot and read back (ADR on command-state snapshots).
 * `version` names the decider's state and the event schemas it was folded from: a snapshot written under
 * another version is never decoded, so changing `evolve`, the state's shape or an event's schema version
 * invalidates every snapshot at once.
 */
export interface StateCodec<TState> {
  readonly version: string;
  readonly encode: (state: TState) => string;
  /** The state `encode` was given. */
  readonly decode: (encoded: string) => TState;
}
