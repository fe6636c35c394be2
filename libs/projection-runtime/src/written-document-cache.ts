import type { StoredDocument } from '@crm/read-store/read-store';

/** What a batch found in the cache, and the ids it still has to read from the store. */
export interface CacheLookup {
  readonly found: Map<string, StoredDocument>;
  readonly missing: string[];
}

/**
 * The documents a `CollectionWriter` itself wrote last, as it wrote them, least recently used first (a
 * `Map` keeps insertion order; a document looked up or written again moves to the end). Holds at most
 * `capacity` documents; 0 holds none. Bodies are shared, not copied: whoever takes one must not mutate it
 * (projections' `evolve` and chain `link` never do, as `collection-writer.int.spec.ts` checks).
 */
export class WrittenDocumentCache {
  private readonly entries = new Map<string, StoredDocument>();

  constructor(private readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 0) {
      throw new RangeError(`A document cache holds 0 or more documents, got ${String(capacity)}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Splits `ids` into the cached documents, now the most recently used, and the ones to read. */
  lookup(ids: Iterable<string>): CacheLookup {
    const found = new Map<string, StoredDocument>();
    const missing: string[] = [];
    for (const id of ids) {
      const document = this.entries.get(id);
      if (document === undefined) {
        missing.push(id);
        continue;
      }
      this.entries.delete(id);
      this.entries.set(id, document);
      found.set(id, document);
    }
    return { found, missing };
  }

  /** Remembers documents just written, as the most recently used; the least recently used beyond capacity go. */
  remember(documents: readonly StoredDocument[]): void {
    if (this.capacity === 0) return;
    for (const document of documents) {
      this.entries.delete(document.id);
      this.entries.set(document.id, document);
    }
    for (const id of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(id);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
