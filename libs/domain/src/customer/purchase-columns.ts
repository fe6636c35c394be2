import type { PurchaseRecord } from './purchase-book';

/**
 * Purchases as a state decoded from a snapshot holds them: one row per purchase, in the order recorded,
 * in flat columns that a snapshot's bytes are as they are (`packColumns`), with the rows in the order of
 * their ids for a binary search. A Map per chunk of purchases took a few milliseconds to rebuild for
 * 10,000 purchases, more than a whole command on a new customer (ADR on command-state snapshots).
 */
export interface PurchaseColumns {
  /** Every id, in the order recorded, end to end. */
  readonly ids: string;
  /** Row i's id is `ids.slice(starts[i], starts[i + 1])`: one entry more than there are rows. */
  readonly starts: ArrayLike<number>;
  /** Every row, ordered by its id as `<` orders strings. */
  readonly byId: ArrayLike<number>;
  /** Row i's amount, in minor units of its currency. */
  readonly amounts: ArrayLike<number>;
  /** Runs of rows in the same currency: `[currency, rows in the run]`. */
  readonly currencies: readonly (readonly [string, number])[];
  /** Amounts returned, by row; a row not here has none. */
  readonly returned: ReadonlyMap<number, number>;
}

export const EMPTY_PURCHASE_COLUMNS: PurchaseColumns = {
  ids: '',
  starts: [0],
  byId: [],
  amounts: [],
  currencies: [],
  returned: new Map(),
};

const idAt = (columns: PurchaseColumns, row: number): string =>
  columns.ids.slice(columns.starts[row], columns.starts[row + 1]);

/** The row of `purchaseId`; -1 if none. */
export const rowOf = (columns: PurchaseColumns, purchaseId: string): number => {
  let low = 0;
  let high = columns.byId.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const id = idAt(columns, columns.byId[middle]);
    if (id === purchaseId) return columns.byId[middle];
    if (id < purchaseId) low = middle + 1;
    else high = middle;
  }
  return -1;
};

const currencyAt = (columns: PurchaseColumns, row: number): string => {
  let end = 0;
  for (const [currency, count] of columns.currencies) {
    end += count;
    if (row < end) return currency;
  }
  throw new RangeError(`purchase row ${row} is past the columns' ${end} rows`);
};

export const purchaseAt = (columns: PurchaseColumns, row: number): PurchaseRecord => ({
  amount: { amount: columns.amounts[row], currency: currencyAt(columns, row) },
  returned: columns.returned.get(row) ?? 0,
});

/** Every row with its id, in the order recorded. */
export function* purchaseRows(columns: PurchaseColumns): Generator<[string, PurchaseRecord]> {
  let row = 0;
  for (const [currency, count] of columns.currencies) {
    for (const end = row + count; row < end; row++) {
      const amount = { amount: columns.amounts[row], currency };
      yield [idAt(columns, row), { amount, returned: columns.returned.get(row) ?? 0 }];
    }
  }
}

/** The columns of `purchases`, given in the order recorded. */
export const purchaseColumnsOf = (purchases: Iterable<[string, PurchaseRecord]>): PurchaseColumns => {
  const ids: string[] = [];
  const starts = [0];
  const amounts: number[] = [];
  const currencies: [string, number][] = [];
  const returned = new Map<number, number>();
  for (const [id, record] of purchases) {
    const { currency, amount } = record.amount;
    const run = currencies[currencies.length - 1];
    if (run?.[0] === currency) run[1] += 1;
    else currencies.push([currency, 1]);
    if (record.returned !== 0) returned.set(ids.length, record.returned);
    ids.push(id);
    starts.push(starts[starts.length - 1] + id.length);
    amounts.push(amount);
  }
  const byId = ids.map((_, row) => row).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  return { ids: ids.join(''), starts, byId, amounts, currencies, returned };
};
