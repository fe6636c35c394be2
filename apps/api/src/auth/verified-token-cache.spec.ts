import type { Principal } from './principal';
import { VerifiedTokenCache } from './verified-token-cache';

const principal = (subject: string): Principal => ({ subject, roles: ['analyst'], service: subject });

describe('VerifiedTokenCache', () => {
  let now = 1_000;
  const cache = (capacity = 3) => new VerifiedTokenCache(capacity, () => now);

  beforeEach(() => {
    now = 1_000;
  });

  it('gives a verified principal back until the second its token expires', () => {
    const verified = cache();
    verified.remember('t-1', principal('a'), 1_010);

    now = 1_009;
    expect(verified.get('t-1')).toEqual(principal('a'));
    now = 1_010;
    expect(verified.get('t-1')).toBeUndefined();
    now = 1_000;
    expect(verified.get('t-1')).toBeUndefined();
    expect(verified.size).toBe(0);
  });

  it('knows nothing of tokens it was not told about', () => {
    expect(cache().get('never-verified')).toBeUndefined();
  });

  it('keeps a token without exp, and forgets the least recently used token when full', () => {
    const verified = cache(2);
    verified.remember('t-1', principal('a'), undefined);
    verified.remember('t-2', principal('b'), 2_000);
    expect(verified.get('t-1')?.subject).toBe('a');

    verified.remember('t-3', principal('c'), 2_000);

    expect(verified.size).toBe(2);
    expect(verified.get('t-2')).toBeUndefined();
    expect(verified.get('t-1')?.subject).toBe('a');
    expect(verified.get('t-3')?.subject).toBe('c');
  });
});
