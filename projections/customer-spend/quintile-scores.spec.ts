import { quintileScores } from './quintile-scores';

describe('quintileScores', () => {
  it('given ten distinct values, then each quintile holds two (score = 1 + floor(5·below/10))', () => {
    expect(quintileScores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('given input out of order, then each value keeps its own score', () => {
    expect(quintileScores([100, 10, 50])).toEqual([
      1 + Math.floor((5 * 2) / 3), // two below → 4
      1, // none below
      1 + Math.floor((5 * 1) / 3), // one below → 2
    ]);
  });

  it('given ties across a quintile boundary, then the tie group shares the lower quintile', () => {
    // Sorted 1, 5, 5, 5, 9: the 5s would span quintiles 2–4; each has one value below → 1 + floor(5/5) = 2.
    expect(quintileScores([5, 5, 1, 9, 5])).toEqual([2, 2, 1, 5, 2]);
  });

  it('given one value, or all equal, then everyone scores 1', () => {
    expect(quintileScores([42])).toEqual([1]);
    expect(quintileScores([7, 7, 7, 7, 7, 7])).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('given no values, then there are no scores', () => {
    expect(quintileScores([])).toEqual([]);
  });
});
