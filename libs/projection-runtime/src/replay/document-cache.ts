/** A document held by a bulk replay: `version` is the position of the last event applied to it. */
export interface CachedDocument<TDoc> {
  doc: TDoc;
  version: number;
  /** Changed since it was loaded or last written. */
  dirty: boolean;
}

/**
 * The documents a bulk replay works on, least recently used first (a `Map` keeps insertion order, and a
 * touched entry is moved to the end). Bounded by a number of documents: `evictions` hands out the oldest
 * beyond it, for the writer to write out the dirty ones.
 */
export class DocumentCache<TDoc> {
  private readonly entries = new Map<string, CachedDocument<TDoc>>();

  constructor(private readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`A document cache holds at least one document, got ${String(capacity)}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The entry, now the most recently used. */
  touch(id: string): CachedDocument<TDoc> | undefined {
    const entry = this.entries.get(id);
    if (entry !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** Adds a document as the most recently used. */
  put(id: string, entry: CachedDocument<TDoc>): CachedDocument<TDoc> {
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  /** Removes the least recently used entries beyond the capacity and returns them, oldest first. */
  evictions(): [string, CachedDocument<TDoc>][] {
    const evicted: [string, CachedDocument<TDoc>][] = [];
    for (const [id, entry] of this.entries) {
      if (this.entries.size - evicted.length <= this.capacity) break;
      evicted.push([id, entry]);
    }
    for (const [id] of evicted) this.entries.delete(id);
    return evicted;
  }

  /** Every entry changed since it was last written. */
  dirty(): [string, CachedDocument<TDoc>][] {
    const dirty: [string, CachedDocument<TDoc>][] = [];
    for (const item of this.entries) if (item[1].dirty) dirty.push(item);
    return dirty;
  }
}
