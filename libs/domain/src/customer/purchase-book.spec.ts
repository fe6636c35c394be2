import {
  EMPTY_PURCHASE_BOOK,
  findPurchase,
  type PurchaseBook,
  purchaseBookOf,
  purchasesInOrder,
  withPurchase,
} from './purchase-book';

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

  describe('rebuilt from its purchases in order (a decoded snapshot)', () => {
    it('has the chunks and the gross that recording them one by one built, returns included', () => {
      const withReturns = withPurchase(withPurchase(bookOf(70), 'p-3', record(4, 2)), 'p-69', record(70, 70));

      expect(purchaseBookOf(purchasesInOrder(withReturns))).toEqual(withReturns);
      expect(purchaseBookOf(purchasesInOrder(EMPTY_PURCHASE_BOOK))).toEqual(EMPTY_PURCHASE_BOOK);
    });
  });
});
