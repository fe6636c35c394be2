import type { Money } from '../shared/money';
import {
  EMPTY_PURCHASE_COLUMNS,
  type PurchaseColumns,
  purchaseAt,
  purchaseColumnsWith,
  purchaseRows,
  rowOf,
} from './purchase-columns';

export interface PurchaseRecord {
  readonly amount: Money;
  readonly returned: number;
}

/**
 * A customer's purchases by id, as the decider's state keeps them. Immutable like the rest of the state,
 * but in chunks of at most `CHUNK_SIZE`: recording a purchase copies the newest chunk, not every purchase
 * on record, which made each purchase cost more the longer the customer's history. Maps, so that an id
 * such as `constructor` never meets a member every plain object inherits. A state decoded from a
 * snapshot holds the purchases recorded until then as columns, read where they lie (`PurchaseColumns`).
 */
export interface PurchaseBook {
  /** The purchases of the snapshot the state was decoded from, as recorded then; none in a folded state. */
  readonly snapshot: PurchaseColumns;
  /** The records of `snapshot` purchases changed since (returns), by id. */
  readonly amended: ReadonlyMap<string, PurchaseRecord>;
  /** Every purchase recorded since the snapshot, or since the first purchase. */
  readonly chunks: readonly ReadonlyMap<string, PurchaseRecord>[];
  /** Σ of every purchase's amount, per currency: the customer's gross, which must stay an exact number. */
  readonly gross: ReadonlyMap<string, number>;
}

const CHUNK_SIZE = 32;

export const EMPTY_PURCHASE_BOOK: PurchaseBook = {
  snapshot: EMPTY_PURCHASE_COLUMNS,
  amended: new Map(),
  chunks: [],
  gross: new Map(),
};

/** The customer's lifetime purchases in `currency`, in minor units. */
export const grossOf = (book: PurchaseBook, currency: string): number => book.gross.get(currency) ?? 0;

/** The chunk that holds `purchaseId`, newest first (retries and returns are mostly of recent purchases); -1 if none. */
const chunkHolding = (book: PurchaseBook, purchaseId: string): number => {
  for (let i = book.chunks.length - 1; i >= 0; i--) {
    if (book.chunks[i].has(purchaseId)) return i;
  }
  return -1;
};

export const findPurchase = (book: PurchaseBook, purchaseId: string): PurchaseRecord | undefined => {
  const index = chunkHolding(book, purchaseId);
  if (index >= 0) return book.chunks[index].get(purchaseId);
  const row = rowOf(book.snapshot, purchaseId);
  return row < 0 ? undefined : (book.amended.get(purchaseId) ?? purchaseAt(book.snapshot, row));
};

/** The book with `purchaseId` recorded as `record`: a new purchase, or a change to one on record (a return). */
export const withPurchase = (
  book: PurchaseBook,
  purchaseId: string,
  record: PurchaseRecord,
): PurchaseBook => {
  const held = chunkHolding(book, purchaseId);
  if (held < 0 && rowOf(book.snapshot, purchaseId) >= 0) {
    return { ...book, amended: new Map(book.amended).set(purchaseId, record) };
  }
  const last = book.chunks.length - 1;
  const index =
    held >= 0 ? held : last >= 0 && book.chunks[last].size < CHUNK_SIZE ? last : book.chunks.length;
  const chunk = new Map(book.chunks[index]);
  chunk.set(purchaseId, record);
  const chunks = book.chunks.slice();
  chunks[index] = chunk;
  if (held >= 0) return { ...book, chunks };
  const { currency, amount } = record.amount;
  return { ...book, chunks, gross: new Map(book.gross).set(currency, grossOf(book, currency) + amount) };
};

/** Every purchase on record with its id, in the order they were first recorded. */
export function* purchasesInOrder(book: PurchaseBook): Generator<[string, PurchaseRecord]> {
  for (const [purchaseId, record] of purchaseRows(book.snapshot)) {
    yield [purchaseId, book.amended.get(purchaseId) ?? record];
  }
  for (const chunk of book.chunks) yield* chunk;
}

/** Every purchase on record as columns, for a snapshot: the columns it was decoded from, extended. */
export const purchaseColumnsOfBook = (book: PurchaseBook): PurchaseColumns =>
  purchaseColumnsWith(book.snapshot, book.amended, book.chunks);

/** The book whose purchases were recorded until a snapshot, as `columns`, with the `gross` of them. */
export const purchaseBookOfColumns = (
  columns: PurchaseColumns,
  gross: ReadonlyMap<string, number>,
): PurchaseBook => ({ ...EMPTY_PURCHASE_BOOK, snapshot: columns, gross });
