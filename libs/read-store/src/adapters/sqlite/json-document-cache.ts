import type { StoredJson } from '../../read-store';

/** Documents' JSON bytes by collection and id, up to a total size, oldest entry out first. */
export class JsonDocumentCache {
  private readonly byKey = new Map<string, StoredJson>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {
    if (!Number.isInteger(maxBytes) || maxBytes < 0) {
      throw new RangeError(`the cache's size must be a whole number of bytes ≥ 0, got ${maxBytes}`);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  get(collection: string, id: string): StoredJson | undefined {
    return this.byKey.get(keyOf(collection, id));
  }

  set(collection: string, document: StoredJson): void {
    const size = document.json.length;
    if (size > this.maxBytes) return;
    const key = keyOf(collection, document.id);
    this.delete(key);
    this.byKey.set(key, document);
    this.bytes += size;
    for (const [oldest, entry] of this.byKey) {
      if (this.bytes <= this.maxBytes) break;
      this.byKey.delete(oldest);
      this.bytes -= entry.json.length;
    }
  }

  clear(): void {
    this.byKey.clear();
    this.bytes = 0;
  }

  private delete(key: string): void {
    const entry = this.byKey.get(key);
    if (entry === undefined) return;
    this.byKey.delete(key);
    this.bytes -= entry.json.length;
  }
}

// Collection names have no ':' (names.ts), so the key is unambiguous.
const keyOf = (collection: string, id: string): string => `${collection}:${id}`;
