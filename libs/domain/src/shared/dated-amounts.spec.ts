import { datedEntries, noDatedAmounts, withDatedAmount } from './dated-amounts';

describe('dated amounts', () => {
  it('appends an entry to each column, leaving the columns it was given as they were', () => {
    const first = withDatedAmount(noDatedAmounts(), 1_000, 250, 'TRY');

    const second = withDatedAmount(first, 2_000, 75, 'EUR');

    expect(second).toEqual({ atMs: [1_000, 2_000], amount: [250, 75], currency: ['TRY', 'EUR'] });
    expect(first).toEqual({ atMs: [1_000], amount: [250], currency: ['TRY'] });
  });

  it('reads back as entries in the order they were appended', () => {
    const columns = withDatedAmount(withDatedAmount(noDatedAmounts(), 5, 1, 'TRY'), 3, 2, 'USD');

    expect(datedEntries(columns)).toEqual([
      { atMs: 5, amount: 1, currency: 'TRY' },
      { atMs: 3, amount: 2, currency: 'USD' },
    ]);
  });
});
