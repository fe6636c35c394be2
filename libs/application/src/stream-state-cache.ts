/** An aggregate's state folded from a stream's events 0..revision. */
export interface StreamState<S> {
  readonly state: S;
  readonly revision: number;
}

/** The evolve function that folded a state: a state is only valid for the aggregate that built it. */
export type StateFolder = (state: never, event: never) => unknown;

interface Entry {
  readonly known: StreamState<unknown>;
  readonly folder: StateFolder;
}

/**
 * The latest known state of the most recently used streams, so that a command reads only the events
 * appended since (ADR 0014). Every entry is exact for its revision; it may be behind the stream (other
 * processes append too), never ahead. Least recently used streams go first past `maxStreams`; 0 keeps none.
 */
export class StreamStateCache {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly entries = new Map<string, Entry>();

  constructor(readonly maxStreams: number) {
    if (!Number.isSafeInteger(maxStreams) || maxStreams < 0) {
      throw new RangeError(`the stream state cache size must be a whole number ≥ 0, got ${maxStreams}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get<S>(streamId: string, folder: StateFolder): StreamState<S> | undefined {
    const entry = this.entries.get(streamId);
    if (entry === undefined || entry.folder !== folder) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry.known as StreamState<S>;
  }

  /** Keeps the newer of what is held and `known`: a slower reader must not roll an entry back. */
  remember<S>(streamId: string, folder: StateFolder, known: StreamState<S>): void {
    if (this.maxStreams === 0) return;
    const held = this.entries.get(streamId);
    if (held !== undefined && held.folder === folder && held.known.revision > known.revision) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, { known, folder });
    if (this.entries.size > this.maxStreams) {
      const leastRecent = this.entries.keys().next();
      if (!leastRecent.done) this.entries.delete(leastRecent.value);
    }
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }
}
