/**
 * Dated amounts as columns: the i-th entry is `atMs[i]` (epoch ms), `amount[i]` (minor units) and
 * `currency[i]`. Read models keep long purchase and return lists this way: rewritten with their document
 * on every purchase and read instant by instant for every window, they serialize fastest as arrays of plain
 * values, and a list of `[atMs, amount, currency]` tuples would be an array of arrays, which FerretDB's
 * MongoDB wire protocol refuses (ADR 0035).
 */
export interface DatedAmounts {
  readonly atMs: readonly number[];
  readonly amount: readonly number[];
  readonly currency: readonly string[];
}

export const noDatedAmounts = (): DatedAmounts => ({ atMs: [], amount: [], currency: [] });

/** The columns with one entry appended. */
export const withDatedAmount = (
  columns: DatedAmounts,
  atMs: number,
  amount: number,
  currency: string,
): DatedAmounts => ({
  atMs: [...columns.atMs, atMs],
  amount: [...columns.amount, amount],
  currency: [...columns.currency, currency],
});

export interface DatedAmount {
  readonly atMs: number;
  readonly amount: number;
  readonly currency: string;
}

/** The entries one by one, in column order. */
export const datedEntries = (columns: DatedAmounts): DatedAmount[] =>
  columns.atMs.map((atMs, i) => ({ atMs, amount: columns.amount[i], currency: columns.currency[i] }));
