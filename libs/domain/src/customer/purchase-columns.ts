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
  /** The rows with a return, ascending, and the amount returned of each; the others have none. */
  readonly returnedRows: ArrayLike<number>;
  readonly returnedAmounts: ArrayLike<number>;
}

export const EMPTY_PURCHASE_COLUMNS: PurchaseColumns = {
  ids: '',
  starts: [0],
  byId: [],
  amounts: [],
  currencies: [],
  returnedRows: [],
  returnedAmounts: [],
};

const idAt = (columns: PurchaseColumns, row: number): string =>
  columns.ids.slice(columns.starts[row], columns.starts[row + 1]);

/** How many rows of `byId` hold an id before `purchaseId`. */
const idsBefore = (columns: PurchaseColumns, purchaseId: string): number => {
  let low = 0;
  let high = columns.byId.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (idAt(columns, columns.byId[middle]) < purchaseId) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** The row of `purchaseId`; -1 if none. */
export const rowOf = (columns: PurchaseColumns, purchaseId: string): number => {
  const at = idsBefore(columns, purchaseId);
  const row = at < columns.byId.length ? columns.byId[at] : -1;
  return row >= 0 && idAt(columns, row) === purchaseId ? row : -1;
};

const currencyAt = (columns: PurchaseColumns, row: number): string => {
  let end = 0;
  for (const [currency, count] of columns.currencies) {
    end += count;
    if (row < end) return currency;
  }
  throw new RangeError(`purchase row ${row} is past the columns' ${end} rows`);
};

const returnedAt = (columns: PurchaseColumns, row: number): number => {
  const { returnedRows, returnedAmounts } = columns;
  let low = 0;
  let high = returnedRows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (returnedRows[middle] < row) low = middle + 1;
    else high = middle;
  }
  return returnedRows[low] === row ? returnedAmounts[low] : 0;
};

export const purchaseAt = (columns: PurchaseColumns, row: number): PurchaseRecord => ({
  amount: { amount: columns.amounts[row], currency: currencyAt(columns, row) },
  returned: returnedAt(columns, row),
});

/** Every row with its id, in the order recorded. */
export function* purchaseRows(columns: PurchaseColumns): Generator<[string, PurchaseRecord]> {
  let row = 0;
  let returns = 0;
  for (const [currency, count] of columns.currencies) {
    for (const end = row + count; row < end; row++) {
      const returned = columns.returnedRows[returns] === row ? columns.returnedAmounts[returns++] : 0;
      yield [idAt(columns, row), { amount: { amount: columns.amounts[row], currency }, returned }];
    }
  }
}

/**
 * `columns` with the records of some of its purchases changed (`amended`, by id) and `added` purchases
 * after its own, in chunks in the order recorded. Its rows are copied as they are and only the added ids are
 * sorted, so that a state decoded from a snapshot is encoded again in one pass.
 */
export const purchaseColumnsWith = (
  columns: PurchaseColumns,
  amended: ReadonlyMap<string, PurchaseRecord>,
  added: readonly ReadonlyMap<string, PurchaseRecord>[],
): PurchaseColumns => {
  const rows = columns.amounts.length;
  const newIds: string[] = [];
  const newAmounts: number[] = [];
  const currencies = columns.currencies.map(([currency, count]): [string, number] => [currency, count]);
  const returned = new Map<number, number>();
  for (let i = 0; i < columns.returnedRows.length; i++) {
    returned.set(columns.returnedRows[i], columns.returnedAmounts[i]);
  }
  for (const [id, record] of amended) returned.set(rowOf(columns, id), record.returned);
  for (const chunk of added) {
    for (const [id, record] of chunk) {
      const { currency, amount } = record.amount;
      const run = currencies[currencies.length - 1];
      if (run?.[0] === currency) run[1] += 1;
      else currencies.push([currency, 1]);
      if (record.returned !== 0) returned.set(rows + newIds.length, record.returned);
      newIds.push(id);
      newAmounts.push(amount);
    }
  }
  const count = rows + newIds.length;
  const starts = new Float64Array(count + 1);
  starts.set(columns.starts);
  const amounts = new Float64Array(count);
  amounts.set(columns.amounts);
  newIds.forEach((id, i) => {
    starts[rows + i + 1] = starts[rows + i] + id.length;
    amounts[rows + i] = newAmounts[i];
  });
  const withReturns = [...returned].filter(([, amount]) => amount !== 0).sort(([a], [b]) => a - b);
  return {
    ids: columns.ids + newIds.join(''),
    starts,
    byId: mergedById(columns, newIds),
    amounts,
    currencies,
    returnedRows: withReturns.map(([row]) => row),
    returnedAmounts: withReturns.map(([, amount]) => amount),
  };
};

/** The rows of `columns` and of `newIds` (rows after its own), ordered by id. */
const mergedById = (columns: PurchaseColumns, newIds: readonly string[]): Float64Array => {
  const rows = columns.amounts.length;
  const byId = new Float64Array(rows + newIds.length);
  const added = newIds
    .map((_, i) => i)
    .sort((a, b) => (newIds[a] < newIds[b] ? -1 : newIds[a] > newIds[b] ? 1 : 0));
  let from = 0;
  let to = 0;
  for (const i of added) {
    const at = idsBefore(columns, newIds[i]);
    while (from < at) byId[to++] = columns.byId[from++];
    byId[to++] = rows + i;
  }
  while (from < rows) byId[to++] = columns.byId[from++];
  return byId;
};

/** The columns of `purchases`, given in the order recorded. */
export const purchaseColumnsOf = (purchases: Iterable<[string, PurchaseRecord]>): PurchaseColumns =>
  purchaseColumnsWith(EMPTY_PURCHASE_COLUMNS, new Map(), [new Map(purchases)]);
