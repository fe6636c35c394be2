import { roundedQuotient } from './decimal-rounding';

describe('roundedQuotient: decimal halves rounded up, at a given number of places', () => {
  it('given 139 won of 800 closed, reports a close rate of 0.1738 (0.17375 exactly, a half)', () => {
    // 139 ÷ 800 = 0.17375; as a binary float 0.17375 × 10,000 = 1737.4999…, which Math.round made 1737.
    expect(roundedQuotient(139, 800, 4)).toBe(0.1738);
  });

  it('rounds below a half down and above it up: 1 ÷ 3 = 0.3333…, 2 ÷ 3 = 0.6666…', () => {
    expect(roundedQuotient(1, 3, 4)).toBe(0.3333);
    expect(roundedQuotient(2, 3, 4)).toBe(0.6667);
  });

  it('keeps two places for durations: 1.005 hours (3,618,000 ms ÷ 3,600,000) is 1.01', () => {
    // 1.005 as a float is 1.00499999…, so Math.round(1.005 × 100) / 100 gave 1.
    expect(roundedQuotient(3_618_000, 3_600_000, 2)).toBe(1.01);
  });

  it('rounds a negative half away from zero: −7 ÷ 8 = −0.875 at two places is −0.88', () => {
    expect(roundedQuotient(-7, 8, 2)).toBe(-0.88);
    expect(roundedQuotient(7, -8, 2)).toBe(-0.88);
  });

  it('gives exact quotients unchanged: 3 ÷ 4 = 0.75, 0 ÷ 5 = 0 (also 0 ÷ −5), 5 ÷ 5 = 1', () => {
    expect(roundedQuotient(3, 4, 4)).toBe(0.75);
    expect(roundedQuotient(0, 5, 4)).toBe(0);
    expect(roundedQuotient(0, -5, 4)).toBe(0);
    expect(roundedQuotient(5, 5, 4)).toBe(1);
  });

  it('refuses a fractional operand or a zero denominator', () => {
    expect(() => roundedQuotient(0.5, 2, 4)).toThrow(RangeError);
    expect(() => roundedQuotient(1, 0, 4)).toThrow(RangeError);
  });
});
