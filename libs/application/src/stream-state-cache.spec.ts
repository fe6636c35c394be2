import { type StateFolder, StreamStateCache } from './stream-state-cache';

const customerFolder: StateFolder = (state: never) => state;
const opportunityFolder: StateFolder = (state: never) => state;

const at = (revision: number) => ({ state: { revision }, revision });

describe('StreamStateCache', () => {
  it('gives back the state remembered for a stream, for the aggregate that folded it only', () => {
    const cache = new StreamStateCache(10);
    cache.remember('customer-1', customerFolder, at(3));

    expect(cache.get('customer-1', customerFolder)).toEqual(at(3));
    expect(cache.get('customer-1', opportunityFolder)).toBeUndefined();
    expect(cache.get('customer-2', customerFolder)).toBeUndefined();
  });

  it('drops the least recently used stream past its size, a read counting as a use', () => {
    const cache = new StreamStateCache(2);
    cache.remember('customer-1', customerFolder, at(0));
    cache.remember('customer-2', customerFolder, at(0));
    cache.get('customer-1', customerFolder);

    cache.remember('customer-3', customerFolder, at(0));

    expect(cache.size).toBe(2);
    expect(cache.get('customer-2', customerFolder)).toBeUndefined();
    expect(cache.get('customer-1', customerFolder)).toEqual(at(0));
    expect(cache.get('customer-3', customerFolder)).toEqual(at(0));
  });

  it('keeps the newer revision when a slower reader remembers an older one', () => {
    const cache = new StreamStateCache(10);
    cache.remember('customer-1', customerFolder, at(7));

    cache.remember('customer-1', customerFolder, at(5));

    expect(cache.get('customer-1', customerFolder)).toEqual(at(7));
  });

  it('forgets a stream on demand', () => {
    const cache = new StreamStateCache(10);
    cache.remember('customer-1', customerFolder, at(1));

    cache.forget('customer-1');

    expect(cache.get('customer-1', customerFolder)).toBeUndefined();
  });

  it('holds nothing at size 0 and refuses a size that is no whole number ≥ 0', () => {
    const off = new StreamStateCache(0);
    off.remember('customer-1', customerFolder, at(1));

    expect(off.size).toBe(0);
    expect(() => new StreamStateCache(-1)).toThrow(RangeError);
    expect(() => new StreamStateCache(1.5)).toThrow(RangeError);
  });
});
