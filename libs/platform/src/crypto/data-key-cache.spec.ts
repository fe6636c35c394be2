import { DataKeyCache } from './data-key-cache';

const live = { state: 'active', key: Buffer.alloc(32, 1) } as const;

describe('DataKeyCache', () => {
  it('drops the least recently used subject when full', () => {
    const cache = new DataKeyCache({ capacity: 2 });
    cache.set('a', live);
    cache.set('b', live);
    cache.get('a');

    cache.set('c', live);

    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([live, undefined, live]);
    expect(cache.size).toBe(2);
  });

  it('asks the key store again once a live key is older than its time to live', () => {
    let now = 0;
    const cache = new DataKeyCache({ activeTtlMs: 1_000, clock: () => now });
    cache.set('a', live);

    now = 999;
    expect(cache.get('a')).toEqual(live);
    now = 1_000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps an erasure for good: a tombstone never turns back into a key', () => {
    let now = 0;
    const cache = new DataKeyCache({ activeTtlMs: 1_000, clock: () => now });
    cache.set('a', live);
    cache.set('a', { state: 'destroyed' });

    now = 10_000_000;
    expect(cache.get('a')).toEqual({ state: 'destroyed' });
  });
});
