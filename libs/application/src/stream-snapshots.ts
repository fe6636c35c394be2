import type { EventEnvelope, StateCodec } from '@crm/domain';
import type { SnapshotStore } from '@crm/event-store';
import type { StreamState } from './stream-state-cache';

/** A state loaded from a snapshot, with the events of the stream after it. */
export interface SnapshotState<S> extends StreamState<S> {
  readonly tail: readonly EventEnvelope[];
}

export interface SnapshotOptions {
  readonly store: SnapshotStore;
  /** A stream's snapshot is written each time its revision passes a multiple of this (default 20). */
  readonly every?: number;
  /** A snapshot that cannot be read or written costs a longer read, never a command: it is reported here. */
  readonly onError: (error: unknown, streamId: string) => void;
}

/** As the API's `COMMAND_SNAPSHOT_EVERY` (ADR 0033: a tail of at most 19 events after a restart). */
export const DEFAULT_SNAPSHOT_EVERY = 20;

/**
 * The states of long streams kept between processes (ADR on command-state snapshots): loaded when a
 * stream is not in the state cache, then only the events after the snapshot are read; written every
 * `every` events, by whichever command's append or fold passes the mark. Only aggregates with a
 * `StateCodec` have snapshots; a snapshot written under another codec version is never loaded.
 */
export class StreamSnapshots {
  private readonly store: SnapshotStore;
  private readonly every: number;
  private readonly onError: SnapshotOptions['onError'];

  constructor(options: SnapshotOptions) {
    this.store = options.store;
    this.every = options.every ?? DEFAULT_SNAPSHOT_EVERY;
    this.onError = options.onError;
    if (!Number.isSafeInteger(this.every) || this.every < 1) {
      throw new RangeError(`snapshots must be written every 1 or more events, got ${this.every}`);
    }
  }

  /**
   * The stream's snapshot and the events after it, if it has one and it was folded from this stream's
   * events: its own event is read with them (`readFrom` its revision), in one read, and must be the
   * stream's there; a log restored from elsewhere beside newer snapshots is folded from its own events.
   */
  async loadWithTail<S>(
    streamId: string,
    codec: StateCodec<S> | undefined,
    readFrom: (revision: number) => Promise<readonly EventEnvelope[]>,
  ): Promise<SnapshotState<S> | undefined> {
    const snapshot = await this.load(streamId, codec);
    if (snapshot === undefined) return undefined;
    const [there, ...tail] = await readFrom(snapshot.revision);
    if (there?.id === snapshot.eventId) return { state: snapshot.state, revision: snapshot.revision, tail };
    this.onError(
      new Error(`the snapshot at revision ${snapshot.revision} is not of the stream's event there`),
      streamId,
    );
    return undefined;
  }

  private async load<S>(
    streamId: string,
    codec: StateCodec<S> | undefined,
  ): Promise<{ state: S; revision: number; eventId: string } | undefined> {
    if (codec === undefined) return undefined;
    try {
      const snapshot = await this.store.load(streamId, codec.version);
      if (snapshot === undefined) return undefined;
      const state = codec.decode({ state: snapshot.state, plain: snapshot.plain });
      return { state, revision: snapshot.revision, eventId: snapshot.eventId };
    } catch (error) {
      this.onError(error, streamId);
      return undefined;
    }
  }

  /**
   * Writes `current`, folded up to the event `eventId`, if the stream passed a multiple of `every` since
   * `fromRevision`, the state it was folded from. Returns the state as the snapshot holds it, decoded from
   * what was written, for the state cache: a customer's is compact (their purchases as columns, not a
   * Map a chunk), and their next snapshot copies those columns instead of sorting every id again.
   */
  async saveIfDue<S>(
    streamId: string,
    codec: StateCodec<S> | undefined,
    fromRevision: number,
    current: StreamState<S>,
    eventId: string,
  ): Promise<S | undefined> {
    if (codec === undefined) return undefined;
    if (Math.floor((current.revision + 1) / this.every) <= Math.floor((fromRevision + 1) / this.every))
      return undefined;
    try {
      const encoded = codec.encode(current.state);
      await this.store.save({
        streamId,
        revision: current.revision,
        eventId,
        version: codec.version,
        state: bufferOf(encoded.state),
        plain: bufferOf(encoded.plain),
      });
      return codec.decode(encoded);
    } catch (error) {
      this.onError(error, streamId);
      return undefined;
    }
  }
}

const bufferOf = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
