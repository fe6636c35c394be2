import type { StoredDocument } from '@crm/read-store/read-store';
import { WrittenDocumentCache } from './written-document-cache';

const doc = (id: string, version = 1): StoredDocument => ({ id, version, body: { id } });
const ids = (cache: WrittenDocumentCache, wanted: string[]) => {
  const { found, missing } = cache.lookup(wanted);
  return { found: [...found.keys()], missing };
};

describe('the documents a collection writer wrote, least recently used dropped first', () => {
  it('gives back the documents it was told were written, as written, and the other ids to read', () => {
    const cache = new WrittenDocumentCache(10);
    const written = doc('c1', 7);
    cache.remember([written, doc('c2')]);

    const { found, missing } = cache.lookup(['c1', 'c3']);

    expect(found.get('c1')).toBe(written);
    expect(missing).toEqual(['c3']);
  });

  it('keeps the newest write of a document', () => {
    const cache = new WrittenDocumentCache(10);
    cache.remember([doc('c1', 1)]);
    cache.remember([doc('c1', 5)]);

    expect(cache.lookup(['c1']).found.get('c1')?.version).toBe(5);
    expect(cache.size).toBe(1);
  });

  it('drops the least recently written beyond its size', () => {
    const cache = new WrittenDocumentCache(2);
    cache.remember([doc('c1'), doc('c2'), doc('c3')]);

    expect(ids(cache, ['c1', 'c2', 'c3'])).toEqual({ found: ['c2', 'c3'], missing: ['c1'] });
  });

  it('counts a document looked up as recently used', () => {
    const cache = new WrittenDocumentCache(2);
    cache.remember([doc('c1'), doc('c2')]);
    cache.lookup(['c1']);
    cache.remember([doc('c3')]);

    expect(ids(cache, ['c1', 'c2', 'c3'])).toEqual({ found: ['c1', 'c3'], missing: ['c2'] });
  });

  it('keeps the last ones of a write larger than its size', () => {
    const cache = new WrittenDocumentCache(2);
    cache.remember(['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => doc(id)));

    expect(cache.size).toBe(2);
    expect(ids(cache, ['c4', 'c5']).found).toEqual(['c4', 'c5']);
  });

  it('holds nothing when its size is 0', () => {
    const cache = new WrittenDocumentCache(0);
    cache.remember([doc('c1')]);

    expect(cache.size).toBe(0);
    expect(ids(cache, ['c1'])).toEqual({ found: [], missing: ['c1'] });
  });

  it('forgets everything when cleared', () => {
    const cache = new WrittenDocumentCache(10);
    cache.remember([doc('c1'), doc('c2')]);
    cache.clear();

    expect(ids(cache, ['c1', 'c2'])).toEqual({ found: [], missing: ['c1', 'c2'] });
  });

  it('refuses a size that is not a whole number of documents', () => {
    expect(() => new WrittenDocumentCache(-1)).toThrow(RangeError);
    expect(() => new WrittenDocumentCache(1.5)).toThrow(RangeError);
  });
});
