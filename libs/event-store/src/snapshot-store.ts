/**
 * A stream's state folded from its events `0..revision`, as its aggregate's codec wrote it. A snapshot
 * is a copy of what the events say, never a source of truth: losing one costs a longer read.
 */
export interface Snapshot {
  readonly streamId: string;
  readonly revision: number;
  /**
   * The id of the event at `revision`: a snapshot whose event is not the stream's at that revision (a log
   * restored from elsewhere beside newer snapshots) is not used.
   */
  readonly eventId: string;
  /** The decider's state version and event schema versions it was folded under (`StateCodec.version`). */
  readonly version: string;
  /** The part of the state that may hold personal data (`StateCodec`): sealed by `SealedSnapshotStore`. */
  readonly state: Buffer;
  /** The part that holds no personal field, only what the events hold in clear too: stored as it is. */
  readonly plain: Buffer;
}

/** The latest snapshot of each stream (ADR on command-state snapshots). */
export interface SnapshotStore {
  /** The stream's snapshot if it was written under `version`; one of any other version is never returned. */
  load(streamId: string, version: string): Promise<Snapshot | undefined>;
  /**
   * Keeps `snapshot` as the stream's, replacing one of another version or an earlier revision; one of the
   * same version at a later revision stays.
   */
  save(snapshot: Snapshot): Promise<void>;
  delete(streamId: string): Promise<void>;
  close(): Promise<void>;
}
