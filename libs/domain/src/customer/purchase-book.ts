import type { Money } from '../shared/money';

export interface PurchaseRecord {
  readonly amount: Money;
  readonly returned: number;
}

/**
 * A customer's purchases by id, as the decider's state keeps them. Immutable like the rest of the state,
 * but in chunks of at most `CHUNK_SIZE`: recording a purchase copies the newest chunk, not every purchase
 * on record, which made each purchase cost more the longer the customer's history. Maps, so that an id
 * such as `constructor` never meets a member every plain object inherits.
 */
export interface PurchaseBook {
  readonly chunks: readonly ReadonlyMap<string, PurchaseRecord>[];
  /** Σ of every purchase's amount, per currency: the customer's gross, which must stay an exact number. */
  readonly gross: ReadonlyMap<string, number>;
}

const CHUNK_SIZE = 32;

export const EMPTY_PURCHASE_BOOK: PurchaseBook = { chunks: [], gross: new Map() };

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
  return index < 0 ? undefined : book.chunks[index].get(purchaseId);
};

/** The book with `purchaseId` recorded as `record`: a new purchase, or a change to one on record (a return). */
export const withPurchase = (
  book: PurchaseBook,
  purchaseId: string,
  record: PurchaseRecord,
): PurchaseBook => {
  const held = chunkHolding(book, purchaseId);
  const last = book.chunks.length - 1;
  const index =
    held >= 0 ? held : last >= 0 && book.chunks[last].size < CHUNK_SIZE ? last : book.chunks.length;
  const chunk = new Map(book.chunks[index]);
  chunk.set(purchaseId, record);
  const chunks = book.chunks.slice();
  chunks[index] = chunk;
  if (held >= 0) return { chunks, gross: book.gross };
  const { currency, amount } = record.amount;
  return { chunks, gross: new Map(book.gross).set(currency, grossOf(book, currency) + amount) };
};

/** Every purchase on record with its id, in the order they were first recorded. */
export function* purchasesInOrder(book: PurchaseBook): Generator<[string, PurchaseRecord]> {
  for (const chunk of book.chunks) yield* chunk;
}

/**
 * The book that recording `purchases` one by one, in this order, then their returns, builds: the same
 * chunks, the same gross. Built in one pass, for a state decoded from a snapshot.
 */
export const purchaseBookOf = (purchases: Iterable<[string, PurchaseRecord]>): PurchaseBook => {
  const chunks: Map<string, PurchaseRecord>[] = [];
  const gross = new Map<string, number>();
  for (const [purchaseId, record] of purchases) {
    const last = chunks[chunks.length - 1];
    const chunk = last !== undefined && last.size < CHUNK_SIZE ? last : new Map<string, PurchaseRecord>();
    if (chunk !== last) chunks.push(chunk);
    chunk.set(purchaseId, record);
    const { currency, amount } = record.amount;
    gross.set(currency, (gross.get(currency) ?? 0) + amount);
  }
  return { chunks, gross };
};
