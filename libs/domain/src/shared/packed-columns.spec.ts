import { packColumns, unpackColumns } from './packed-columns';

describe('packed columns', () => {
  const columns = {
    head: { name: 'Ayşe', runs: [['TRY', 2]] },
    float64: [[1, 2 ** 53 - 1, -50], []],
    uint32: [[0, 4, 2 ** 32 - 1]],
    text: 'p-1p-22',
  };

  describe('given columns packed into bytes', () => {
    const packed = packColumns(columns);

    it('when unpacked, then the head, every column and the text are as given', () => {
      const unpacked = unpackColumns<typeof columns.head>(packed);

      expect(unpacked.head).toEqual(columns.head);
      expect(unpacked.float64.map((column) => Array.from(column))).toEqual(columns.float64);
      expect(unpacked.uint32.map((column) => Array.from(column))).toEqual(columns.uint32);
      expect(unpacked.text).toBe(columns.text);
    });

    it('when they lie at an offset that is not a multiple of 8, then they unpack the same', () => {
      const shifted = new Uint8Array(packed.length + 3);
      shifted.set(packed, 3);

      const unpacked = unpackColumns(shifted.subarray(3));

      expect(unpacked.float64.map((column) => Array.from(column))).toEqual(columns.float64);
      expect(unpacked.text).toBe(columns.text);
    });

    it('when they are cut short or were written in the other byte order, then they are refused', () => {
      expect(() => unpackColumns(packed.subarray(0, packed.length - 1))).toThrow(RangeError);
      const otherOrder = packed.slice();
      otherOrder[4] = 1 - otherOrder[4];
      expect(() => unpackColumns(otherOrder)).toThrow('other byte order');
    });
  });
});
