import type { StoredJson } from '../../read-store';
import { JsonDocumentCache } from './json-document-cache';

const doc = (id: string, bytes: number): StoredJson => ({ id, version: 1, json: Buffer.alloc(bytes, 0x20) });

describe('JsonDocumentCache', () => {
  it('drops the oldest entries once the total size passes its bound', () => {
    const cache = new JsonDocumentCache(100);
    cache.set('c', doc('a', 40));
    cache.set('c', doc('b', 40));
    cache.set('c', doc('c', 40));
    expect(cache.get('c', 'a')).toBeUndefined();
    expect(cache.get('c', 'b')?.id).toBe('b');
    expect(cache.get('c', 'c')?.id).toBe('c');
    expect(cache.size).toBe(2);
  });

  it('counts a replaced entry once', () => {
    const cache = new JsonDocumentCache(100);
    cache.set('c', doc('a', 60));
    cache.set('c', doc('a', 60));
    cache.set('c', doc('b', 40));
    expect(cache.get('c', 'a')?.id).toBe('a');
    expect(cache.size).toBe(2);
  });

  it('does not keep a document larger than its bound', () => {
    const cache = new JsonDocumentCache(10);
    cache.set('c', doc('a', 11));
    expect(cache.get('c', 'a')).toBeUndefined();
  });

  it('keys by collection and id', () => {
    const cache = new JsonDocumentCache(100);
    cache.set('c1', doc('a', 1));
    expect(cache.get('c2', 'a')).toBeUndefined();
    cache.clear();
    expect(cache.get('c1', 'a')).toBeUndefined();
  });

  it('refuses a size that is not a whole number of bytes', () => {
    expect(() => new JsonDocumentCache(-1)).toThrow(RangeError);
    expect(() => new JsonDocumentCache(1.5)).toThrow(RangeError);
  });
});
