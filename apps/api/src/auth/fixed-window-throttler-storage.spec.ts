import { FixedWindowThrottlerStorage } from './fixed-window-throttler-storage';

describe('FixedWindowThrottlerStorage', () => {
  let clock: number;
  let storage: FixedWindowThrottlerStorage;
  const hit = (key = 'sub:a', limit = 3, blockDuration = 1_000) =>
    storage.increment(key, 1_000, limit, blockDuration, 'default');

  beforeEach(() => {
    clock = 1_000_000;
    storage = new FixedWindowThrottlerStorage(() => clock);
  });

  it('lets `limit` requests through in a window and blocks the next', async () => {
    const records = [await hit(), await hit(), await hit(), await hit()];

    expect(records.map((record) => record.isBlocked)).toEqual([false, false, false, true]);
    expect(records.map((record) => record.totalHits)).toEqual([1, 2, 3, 4]);
    expect(records[3].timeToBlockExpire).toBe(1);
  });

  it('keeps callers apart', async () => {
    for (let i = 0; i < 4; i++) await hit('sub:a');

    expect((await hit('sub:b')).isBlocked).toBe(false);
  });

  it('stays blocked for the block duration, then counts afresh', async () => {
    for (let i = 0; i < 4; i++) await hit('sub:a', 3, 2_500);
    clock += 1_500;
    expect((await hit('sub:a', 3, 2_500)).isBlocked).toBe(true);
    clock += 1_000;

    const after = await hit('sub:a', 3, 2_500);

    expect(after).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('starts a new window once the ttl has passed', async () => {
    await hit();
    await hit();
    clock += 1_000;

    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false, timeToExpire: 1 });
  });

  it('forgets callers that went quiet', async () => {
    await hit('sub:a');
    await hit('sub:b');
    clock += 61_000;

    await hit('sub:c');

    expect(storage.size).toBe(1);
  });
});
