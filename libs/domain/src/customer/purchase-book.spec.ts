import {
  EMPTY_PURCHASE_BOOK,
  findPurchase,
  type PurchaseBook,
  purchaseBookOfColumns,
  purchasesInOrder,
  withPurchase,
} from './purchase-book';
import { purchaseColumnsOf } from './purchase-columns';

const record = (amount: number, returned = 0) => ({ amount: { amount, currency: 'TRY' }, returned });

const bookOf = (count: number): PurchaseBook =>
  Array.from({ length: count }, (_, i) => i).reduce(
    (book, i) => withPurchase(book, `p-${i}`, record(i + 1)),
    EMPTY_PURCHASE_BOOK,
  );

describe('PurchaseBook', () => {
  describe('given more purchases than one chunk holds', () => {
    const book = bookOf(100);

    it('finds every one of them, and nothing else', () => {
      for (let i = 0; i < 100; i++) expect(findPurchase(book, `p-${i}`)).toEqual(record(i + 1));
      expect(findPurchase(book, 'p-100')).toBeUndefined();
      expect(findPurchase(EMPTY_PURCHASE_BOOK, 'p-0')).toBeUndefined();
    });

    it('records a new purchase by copying only the newest chunk', () => {
      const next = withPurchase(book, 'p-100', record(101));

      expect(findPurchase(next, 'p-100')).toEqual(record(101));
      expect(next.chunks.slice(0, -1)).toEqual(book.chunks.slice(0, -1));
      next.chunks.slice(0, -1).forEach((chunk, i) => expect(chunk).toBe(book.chunks[i]));
    });
  });

  describe('when a purchase in an older chunk changes (a return)', () => {
    const before = bookOf(40);
    const after = withPurchase(before, 'p-3', record(4, 2));

    it('then the book shows the change once, in the purchase’s own chunk', () => {
      expect(findPurchase(after, 'p-3')).toEqual(record(4, 2));
      expect(after.chunks).toHaveLength(before.chunks.length);
      expect([...after.chunks[after.chunks.length - 1].keys()]).toEqual([
        ...before.chunks[before.chunks.length - 1].keys(),
      ]);
    });

    it('then the book it was made from is unchanged', () => {
      expect(findPurchase(before, 'p-3')).toEqual(record(4));
    });
  });

  describe('given the purchases of a snapshot, as columns (a decoded state)', () => {
    const folded = withPurchase(withPurchase(bookOf(70), 'p-3', record(4, 2)), 'p-69', record(70, 70));
    const decoded = purchaseBookOfColumns(purchaseColumnsOf(purchasesInOrder(folded)), folded.gross);

    it('finds every one of them with its return, and nothing else', () => {
      for (let i = 0; i < 70; i++)
        expect(findPurchase(decoded, `p-${i}`)).toEqual(findPurchase(folded, `p-${i}`));
      expect(findPurchase(decoded, 'p-70')).toBeUndefined();
      expect([...purchasesInOrder(decoded)]).toEqual([...purchasesInOrder(folded)]);
    });

    it('when a purchase of the snapshot changes, then it changes in place and the gross does not', () => {
      const after = withPurchase(decoded, 'p-10', record(11, 5));

      expect(findPurchase(after, 'p-10')).toEqual(record(11, 5));
      expect(findPurchase(decoded, 'p-10')).toEqual(record(11));
      expect([...purchasesInOrder(after)].map(([id]) => id)).toEqual(
        [...purchasesInOrder(folded)].map(([id]) => id),
      );
      expect(after.gross).toEqual(decoded.gross);
    });

    it('when a new purchase is recorded, then it follows the snapshot’s and adds to the gross', () => {
      const after = withPurchase(decoded, 'p-70', record(71));

      expect(findPurchase(after, 'p-70')).toEqual(record(71));
      expect([...purchasesInOrder(after)].at(-1)).toEqual(['p-70', record(71)]);
      expect(after.gross.get('TRY')).toBe((decoded.gross.get('TRY') ?? 0) + 71);
      expect(after.snapshot).toBe(decoded.snapshot);
    });
  });
});
