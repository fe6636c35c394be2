import { type Columns, type NumberColumn, packColumns, unpackColumns } from '../shared/packed-columns';
import type { StateCodec } from '../shared/state-codec';
import { CUSTOMER_EVENT_SCHEMA_VERSIONS } from './customer.events';
import type { CustomerState, RegisteredCustomer } from './customer.state';
import { purchaseBookOfColumns, purchaseColumnsOfBook } from './purchase-book';
import { type SpendSeries, spendColumns, spendSeriesOf } from './spend-ledger';

/**
 * Bump whenever `evolveCustomer` or the shape of `CustomerState` changes: every stored snapshot of a
 * customer then stops being loaded, and the next command on a long stream folds it again and writes a new one.
 */
export const CUSTOMER_STATE_VERSION = 2;

const schemaVersions = Object.entries(CUSTOMER_EVENT_SCHEMA_VERSIONS)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([type, version]) => `${type}.${version}`)
  .join(',');

/** A registered customer's state but its purchases and spend: the part that holds their profile. */
type Rest = Omit<RegisteredCustomer, 'purchases' | 'spend'>;

/**
 * The purchases and spend movements, which hold no personal field, as packed columns. The number
 * columns, in this order: the purchases' amounts, their ids' lengths, their rows by id, the rows with a
 * return and the amounts returned; then each spend currency's instants and running totals. The text:
 * the ids end to end.
 */
interface ColumnsHead {
  readonly purchases: {
    readonly currencies: readonly (readonly [string, number])[];
    readonly gross: readonly [string, number][];
  };
  /** Each currency with its chunks' sizes, in the order of its columns. */
  readonly spend: readonly [string, ArrayLike<number>][];
}

function columnsOf(state: RegisteredCustomer): Columns<ColumnsHead> {
  const { purchases, spend } = state;
  const columns = purchaseColumnsOfBook(purchases);
  const idLengths = new Float64Array(columns.amounts.length);
  for (let i = 0; i < idLengths.length; i++) idLengths[i] = columns.starts[i + 1] - columns.starts[i];
  const series = Object.entries(spend).map(([currency, s]) => [currency, spendColumns(s)] as const);
  return {
    head: {
      purchases: { currencies: columns.currencies, gross: [...purchases.gross] },
      spend: series.map(([currency, { sizes }]) => [currency, Array.from(sizes)]),
    },
    numbers: [
      columns.amounts,
      idLengths,
      columns.byId,
      columns.returnedRows,
      columns.returnedAmounts,
      ...series.flatMap(([, { atMs, totals }]) => [atMs, totals]),
    ],
    text: columns.ids,
  };
}

const startsOf = (lengths: NumberColumn): Float64Array => {
  const starts = new Float64Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) starts[i + 1] = starts[i] + lengths[i];
  return starts;
};

function decodeRegistered(rest: Rest, plain: Uint8Array): RegisteredCustomer {
  const { head, numbers, text: ids } = unpackColumns<ColumnsHead>(plain);
  const [amounts, idLengths, byId, returnedRows, returnedAmounts, ...spendColumnsByCurrency] = numbers;
  const { currencies, gross } = head.purchases;
  const starts = startsOf(idLengths);
  const snapshot = { ids, starts, byId, amounts, currencies, returnedRows, returnedAmounts };
  const spend: Record<string, SpendSeries> = {};
  head.spend.forEach(([currency, sizes], i) => {
    const [atMs, totals] = spendColumnsByCurrency.slice(2 * i, 2 * i + 2);
    spend[currency] = spendSeriesOf({ sizes, atMs, totals });
  });
  return { ...rest, purchases: purchaseBookOfColumns(snapshot, new Map(gross)), spend };
}

/**
 * A long history's state is mostly its purchases and spend movements: packed as typed columns, decoding
 * it reads them where they lie instead of parsing 10,000 numbers and building an object per purchase.
 * They hold no personal field (the events hold them in clear too), so only the rest, with the profile,
 * is sealed: AES-GCM over a 10,000-purchase state's columns cost about as much as decoding them.
 */
export const customerStateCodec: StateCodec<CustomerState> = {
  version: `customer-state.${CUSTOMER_STATE_VERSION}/${schemaVersions}`,
  encode: (state) => {
    if (state.status !== 'registered') return { state: jsonBytes(state), plain: new Uint8Array(0) };
    const { purchases: _purchases, spend: _spend, ...rest } = state;
    return { state: jsonBytes(rest), plain: packColumns(columnsOf(state)) };
  },
  decode: ({ state, plain }) => {
    const decoded = JSON.parse(new TextDecoder().decode(state)) as
      | Exclude<CustomerState, RegisteredCustomer>
      | Rest;
    return decoded.status === 'registered' ? decodeRegistered(decoded, plain) : decoded;
  },
};

const jsonBytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
