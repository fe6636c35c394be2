export const QUINTILES = 5;

/** How many sorted values are strictly below `value` (binary search). */
const countBelow = (sorted: readonly number[], value: number): number => {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * Scores each value 1–5 by quintile over the population, higher values scoring higher:
 * score = 1 + floor(5 · below / n), where `below` counts the values strictly lower. A tie group
 * therefore takes the quintile of its first member, the lowest it spans ("ties share the lower
 * quintile"). With ten distinct values each quintile holds two; a lone value scores 1.
 */
export const quintileScores = (values: readonly number[]): number[] => {
  const sorted = [...values].sort((a, b) => a - b);
  return values.map((value) => 1 + Math.floor((QUINTILES * countBelow(sorted, value)) / values.length));
};
