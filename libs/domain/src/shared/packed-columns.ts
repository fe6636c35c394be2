/**
 * A JSON head beside columns of numbers and one text, in one byte array that decodes without parsing
 * the columns: each column is a typed array over the bytes as they are (ADR on command-state snapshots).
 * A long history's state is mostly such columns; as JSON, parsing them and building their objects cost
 * more than a whole command on a new stream. Each column is stored in the narrowest typed array that
 * holds every one of its values exactly: reading and unsealing a snapshot cost in proportion to its bytes.
 */
export interface Columns<THead> {
  readonly head: THead;
  /** Numbers exact up to 2⁵³ (minor units, epoch milliseconds), in the order the decoder takes them. */
  readonly numbers: readonly ArrayLike<number>[];
  readonly text: string;
}

export type NumberColumn = Uint8Array | Uint16Array | Int32Array | Float64Array;

export interface DecodedColumns<THead> extends Columns<THead> {
  readonly numbers: readonly NumberColumn[];
}

const KINDS = [
  { name: 'f64', array: Float64Array, min: -Infinity, max: Infinity },
  { name: 'i32', array: Int32Array, min: -(2 ** 31), max: 2 ** 31 - 1 },
  { name: 'u16', array: Uint16Array, min: 0, max: 2 ** 16 - 1 },
  { name: 'u8', array: Uint8Array, min: 0, max: 2 ** 8 - 1 },
] as const;

type KindName = (typeof KINDS)[number]['name'];

interface Layout<THead> {
  readonly head: THead;
  /** Each column's kind and length, in the order given; stored widest kind first, so each is aligned. */
  readonly numbers: readonly (readonly [KindName, number])[];
  /** Bytes of the text, UTF-8. */
  readonly text: number;
}

/** Byte 4: the byte order of the columns, which typed arrays read in the machine's own. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const PREFIX_BYTES = 8;

const alignedTo8 = (n: number): number => Math.ceil(n / 8) * 8;

const kindOf = (name: KindName) => KINDS.find((kind) => kind.name === name)!;

/** The narrowest kind that holds every value of `column` exactly: -0 and fractions only a float64 does. */
const narrowest = (column: ArrayLike<number>): KindName => {
  let min = 0;
  let max = 0;
  for (let i = 0; i < column.length; i++) {
    const n = column[i];
    if (!Number.isInteger(n) || Object.is(n, -0)) return 'f64';
    if (n < min) min = n;
    else if (n > max) max = n;
  }
  for (let k = KINDS.length - 1; k > 0; k--) {
    if (min >= KINDS[k].min && max <= KINDS[k].max) return KINDS[k].name;
  }
  return 'f64';
};

/** Column indices widest kind first (each kind's size divides the one before), then in the order given. */
const storageOrder = (kinds: readonly KindName[]): number[] =>
  kinds
    .map((name, index) => ({ index, size: kindOf(name).array.BYTES_PER_ELEMENT }))
    .sort((a, b) => b.size - a.size || a.index - b.index)
    .map(({ index }) => index);

const bytesOf = (layout: Layout<unknown>): number =>
  layout.numbers.reduce((total, [name, length]) => total + kindOf(name).array.BYTES_PER_ELEMENT * length, 0) +
  layout.text;

export function packColumns<THead>(columns: Columns<THead>): Uint8Array {
  const text = new TextEncoder().encode(columns.text);
  const layout: Layout<THead> = {
    head: columns.head,
    numbers: columns.numbers.map((column) => [narrowest(column), column.length] as const),
    text: text.length,
  };
  const head = new TextEncoder().encode(JSON.stringify(layout));
  let offset = alignedTo8(PREFIX_BYTES + head.length);
  const bytes = new Uint8Array(offset + bytesOf(layout));
  new DataView(bytes.buffer).setUint32(0, head.length, true);
  bytes[4] = LITTLE_ENDIAN ? 1 : 0;
  bytes.set(head, PREFIX_BYTES);
  for (const index of storageOrder(layout.numbers.map(([name]) => name))) {
    const [name, length] = layout.numbers[index];
    const { array } = kindOf(name);
    new array(bytes.buffer, offset, length).set(columns.numbers[index]);
    offset += array.BYTES_PER_ELEMENT * length;
  }
  bytes.set(text, offset);
  return bytes;
}

/** The columns `packColumns` was given, as views over `packed` (copied once if it is not 8-byte aligned). */
export function unpackColumns<THead>(packed: Uint8Array): DecodedColumns<THead> {
  const bytes = packed.byteOffset % 8 === 0 ? packed : new Uint8Array(packed);
  if (bytes.byteLength < PREFIX_BYTES) throw new RangeError('packed columns: too short');
  if ((bytes[4] === 1) !== LITTLE_ENDIAN) {
    throw new RangeError('packed columns: written on a machine of the other byte order');
  }
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  const headBytes = bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headLength);
  const layout = JSON.parse(new TextDecoder().decode(headBytes)) as Layout<THead>;
  let offset = alignedTo8(PREFIX_BYTES + headLength);
  const expected = offset + bytesOf(layout);
  if (bytes.byteLength !== expected) {
    throw new RangeError(`packed columns: ${bytes.byteLength} bytes, the head describes ${expected}`);
  }
  const numbers: NumberColumn[] = new Array(layout.numbers.length);
  for (const index of storageOrder(layout.numbers.map(([name]) => name))) {
    const [name, length] = layout.numbers[index];
    const { array } = kindOf(name);
    numbers[index] = new array(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, length);
    offset += array.BYTES_PER_ELEMENT * length;
  }
  const text = new TextDecoder().decode(bytes.subarray(offset, offset + layout.text));
  return { head: layout.head, numbers, text };
}
