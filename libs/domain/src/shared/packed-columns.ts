/**
 * A JSON head beside columns of numbers and one text, in one byte array that decodes without parsing
 * the columns: each column is a typed array over the bytes as they are (ADR on command-state snapshots).
 * A long history's state is mostly such columns; as JSON, parsing them and building their objects cost
 * more than a whole command on a new stream.
 */
export interface Columns<THead> {
  readonly head: THead;
  /** Exact up to 2⁵³: minor units and epoch milliseconds. */
  readonly float64: readonly ArrayLike<number>[];
  readonly uint32: readonly ArrayLike<number>[];
  readonly text: string;
}

export interface DecodedColumns<THead> extends Columns<THead> {
  readonly float64: readonly Float64Array[];
  readonly uint32: readonly Uint32Array[];
}

interface Layout<THead> {
  readonly head: THead;
  readonly float64: readonly number[];
  readonly uint32: readonly number[];
  /** Bytes of the text, UTF-8. */
  readonly text: number;
}

/** Byte 4: the byte order of the columns, which typed arrays read in the machine's own. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const PREFIX_BYTES = 8;

const alignedTo8 = (n: number): number => Math.ceil(n / 8) * 8;

const sum = (lengths: readonly number[]): number => lengths.reduce((total, n) => total + n, 0);

export function packColumns<THead>(columns: Columns<THead>): Uint8Array {
  const text = new TextEncoder().encode(columns.text);
  const layout: Layout<THead> = {
    head: columns.head,
    float64: columns.float64.map((column) => column.length),
    uint32: columns.uint32.map((column) => column.length),
    text: text.length,
  };
  const head = new TextEncoder().encode(JSON.stringify(layout));
  let offset = alignedTo8(PREFIX_BYTES + head.length);
  const bytes = new Uint8Array(offset + 8 * sum(layout.float64) + 4 * sum(layout.uint32) + text.length);
  new DataView(bytes.buffer).setUint32(0, head.length, true);
  bytes[4] = LITTLE_ENDIAN ? 1 : 0;
  bytes.set(head, PREFIX_BYTES);
  for (const column of columns.float64) {
    new Float64Array(bytes.buffer, offset, column.length).set(column);
    offset += 8 * column.length;
  }
  for (const column of columns.uint32) {
    new Uint32Array(bytes.buffer, offset, column.length).set(column);
    offset += 4 * column.length;
  }
  bytes.set(text, offset);
  return bytes;
}

/** The columns `packColumns` was given, as views over `packed` (copied once if it is not 8-byte aligned). */
export function unpackColumns<THead>(packed: Uint8Array): DecodedColumns<THead> {
  const bytes = packed.byteOffset % 8 === 0 ? packed : new Uint8Array(packed);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < PREFIX_BYTES) throw new RangeError('packed columns: too short');
  if ((bytes[4] === 1) !== LITTLE_ENDIAN) {
    throw new RangeError('packed columns: written on a machine of the other byte order');
  }
  const headLength = view.getUint32(0, true);
  const headBytes = bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headLength);
  const layout = JSON.parse(new TextDecoder().decode(headBytes)) as Layout<THead>;
  let offset = alignedTo8(PREFIX_BYTES + headLength);
  const expected = offset + 8 * sum(layout.float64) + 4 * sum(layout.uint32) + layout.text;
  if (bytes.byteLength !== expected) {
    throw new RangeError(`packed columns: ${bytes.byteLength} bytes, the head describes ${expected}`);
  }
  const float64 = layout.float64.map((length) => {
    const column = new Float64Array(bytes.buffer, bytes.byteOffset + offset, length);
    offset += 8 * length;
    return column;
  });
  const uint32 = layout.uint32.map((length) => {
    const column = new Uint32Array(bytes.buffer, bytes.byteOffset + offset, length);
    offset += 4 * length;
    return column;
  });
  const text = new TextDecoder().decode(bytes.subarray(offset, offset + layout.text));
  return { head: layout.head, float64, uint32, text };
}
