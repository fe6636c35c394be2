/** An unwrapped data key, or the knowledge that the subject was erased (which never changes back). */
export type CachedDataKey =
  | { readonly state: 'active'; readonly key: Buffer }
  | { readonly state: 'destroyed' };

export interface DataKeyCacheOptions {
  /** Most subjects kept; the least recently used is dropped first. */
  readonly capacity?: number;
  /**
   * How long a live key is trusted without asking the key store again. It bounds how long another process
   * (a projector, the CLI) may keep reading a customer erased elsewhere. Tombstones never expire.
   */
  readonly activeTtlMs?: number;
  readonly clock?: () => number;
}

interface Entry {
  readonly value: CachedDataKey;
  readonly expiresAt: number;
}

/** A bounded LRU of unwrapped data keys (a Map keeps insertion order: re-inserting marks "recently used"). */
export class DataKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly capacity: number;
  private readonly activeTtlMs: number;
  private readonly clock: () => number;

  constructor(options: DataKeyCacheOptions = {}) {
    this.capacity = options.capacity ?? 10_000;
    this.activeTtlMs = options.activeTtlMs ?? 60_000;
    this.clock = options.clock ?? Date.now;
  }

  get(subjectId: string): CachedDataKey | undefined {
    const entry = this.entries.get(subjectId);
    if (entry === undefined) return undefined;
    this.entries.delete(subjectId);
    if (entry.expiresAt <= this.clock()) return undefined;
    this.entries.set(subjectId, entry);
    return entry.value;
  }

  set(subjectId: string, value: CachedDataKey): void {
    this.entries.delete(subjectId);
    const expiresAt = value.state === 'destroyed' ? Infinity : this.clock() + this.activeTtlMs;
    this.entries.set(subjectId, { value, expiresAt });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
