import { canonicalEpochMs } from './canonical-instant';

describe('canonicalEpochMs', () => {
  it.each([
    ['1970-01-01T00:00:00.000Z', 0],
    ['1969-12-31T23:59:59.999Z', -1],
    ['2000-03-01T00:00:00.000Z', 951_868_800_000],
    ['2024-02-29T12:34:56.789Z', 1_709_210_096_789],
    ['0000-01-01T00:00:00.000Z', -62_167_219_200_000],
    ['9999-12-31T23:59:59.999Z', 253_402_300_799_999],
  ])('reads %p as %p ms since the epoch', (instant, ms) => {
    expect(canonicalEpochMs(instant)).toBe(ms);
  });

  it.each([
    '2026-02-29T00:00:00.000Z',
    '2026-04-31T00:00:00.000Z',
    '2026-13-01T00:00:00.000Z',
    '2026-01-01T24:00:00.000Z',
    '2026-01-01T00:00:00Z',
    '2026-01-01T03:00:00.000+03:00',
    '2026-01-01t00:00:00.000z',
    '2026-01-0aT00:00:00.000Z',
  ])('is NaN for %p, which is not the stored form of a real instant', (instant) => {
    expect(canonicalEpochMs(instant)).toBeNaN();
  });
});
