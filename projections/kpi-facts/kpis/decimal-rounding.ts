/**
 * numerator ÷ denominator rounded to `places` decimals, halves away from zero, computed on integers.
 * `Math.round(n / d * 10_000) / 10_000` rounds the binary approximation of the quotient instead: 0.17375
 * is stored as 0.173749999…, so a decimal half came out rounded down (0.1737, not 0.1738).
 */
export const roundedQuotient = (numerator: number, denominator: number, places: number): number => {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(
      `roundedQuotient needs whole numbers and a non-zero denominator: ${numerator} ÷ ${denominator}`,
    );
  }
  const scale = 10n ** BigInt(places);
  const magnitude = BigInt(Math.abs(numerator)) * scale;
  const divisor = BigInt(Math.abs(denominator));
  // floor((2·|n|·10^p + |d|) ÷ 2|d|) = |n|·10^p ÷ |d| rounded, a half going up in magnitude.
  const rounded = (2n * magnitude + divisor) / (2n * divisor);
  const negative = numerator < 0 !== denominator < 0 && rounded > 0n;
  return (negative ? -Number(rounded) : Number(rounded)) / Number(scale);
};
