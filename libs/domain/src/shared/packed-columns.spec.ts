import { packColumns, unpackColumns } from './packed-columns';

describe('packed columns', () => {
  const columns = {
    head: { name: 'Ayşe', runs: [['TRY', 2]] },
    numbers: [
      [1, 2 ** 53 - 1, -50, 0.5],
      [],
      [0, 4, 2 ** 31 - 1, -(2 ** 31)],
      [0, 255],
      [256, 65_535],
      [-0, 1],
    ],
    text: 'p-1p-22',
  };
  const values = (unpacked: { numbers: readonly ArrayLike<number>[] }) =>
    unpacked.numbers.map((column) => Array.from(column));

  describe('given columns packed into bytes', () => {
    const packed = packColumns(columns);

    it('when unpacked, then the head, every column and the text are as given, each value exactly', () => {
      const unpacked = unpackColumns<typeof columns.head>(packed);

      expect(unpacked.head).toEqual(columns.head);
      expect(values(unpacked)).toEqual(columns.numbers);
      expect(unpacked.text).toBe(columns.text);
    });

    it('then each column takes the narrowest typed array that holds its values', () => {
      expect(unpackColumns(packed).numbers.map((column) => column.constructor.name)).toEqual([
        'Float64Array',
        'Uint8Array',
        'Int32Array',
        'Uint8Array',
        'Uint16Array',
        'Float64Array',
      ]);
    });

    it('when they lie at an offset that is not a multiple of 8, then they unpack the same', () => {
      const shifted = new Uint8Array(packed.length + 3);
      shifted.set(packed, 3);

      const unpacked = unpackColumns(shifted.subarray(3));

      expect(values(unpacked)).toEqual(columns.numbers);
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
