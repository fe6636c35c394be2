import { purchaseAt, purchaseColumnsOf, purchaseColumnsWith, purchaseRows, rowOf } from './purchase-columns';

const record = (amount: number, currency = 'TRY', returned = 0) => ({
  amount: { amount, currency },
  returned,
});

describe('PurchaseColumns', () => {
  describe('given purchases in several currencies, recorded in an order that is not their ids’', () => {
    const purchases: [string, ReturnType<typeof record>][] = [
      ['z-9', record(900)],
      ['a-1', record(100, 'TRY', 40)],
      ['m-5', record(500, 'EUR')],
      ['b-2', record(200, 'EUR', 200)],
      ['a-10', record(1_000)],
    ];
    const columns = purchaseColumnsOf(purchases);

    it('finds the row of every id, and none of an id not recorded', () => {
      purchases.forEach(([id], row) => expect(rowOf(columns, id)).toBe(row));
      for (const missing of ['a', 'a-0', 'a-100', 'zz', '']) expect(rowOf(columns, missing)).toBe(-1);
    });

    it('gives each row’s amount, currency and return', () => {
      purchases.forEach(([, expected], row) => expect(purchaseAt(columns, row)).toEqual(expected));
    });

    it('lists the rows in the order recorded', () => {
      expect([...purchaseRows(columns)]).toEqual(purchases);
    });
  });

  it('given no purchases, finds none and lists none', () => {
    const columns = purchaseColumnsOf([]);

    expect(rowOf(columns, 'p-1')).toBe(-1);
    expect([...purchaseRows(columns)]).toEqual([]);
  });

  describe('given columns, when purchases are added after them and one of theirs is returned', () => {
    const first: [string, ReturnType<typeof record>][] = [
      ['k-1', record(100)],
      ['c-3', record(300, 'TRY', 50)],
      ['x-2', record(200)],
    ];
    const added: [string, ReturnType<typeof record>][] = [
      ['a-9', record(900, 'EUR')],
      ['m-1', record(10, 'EUR', 10)],
      ['z-0', record(1)],
    ];
    const extended = purchaseColumnsWith(
      purchaseColumnsOf(first),
      new Map([['k-1', record(100, 'TRY', 30)]]),
      [new Map(added.slice(0, 2)), new Map(added.slice(2))],
    );

    it('then they hold what columns built from every purchase at once hold', () => {
      const all: [string, ReturnType<typeof record>][] = [
        ['k-1', record(100, 'TRY', 30)],
        ...first.slice(1),
        ...added,
      ];
      const built = purchaseColumnsOf(all);

      expect([...purchaseRows(extended)]).toEqual(all);
      expect(Array.from(extended.byId)).toEqual(Array.from(built.byId));
      for (const [id] of all) expect(rowOf(extended, id)).toBe(rowOf(built, id));
      expect(rowOf(extended, 'b-0')).toBe(-1);
    });
  });
});
