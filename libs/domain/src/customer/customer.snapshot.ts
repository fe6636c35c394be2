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

/**
 * Everything but the long columns, as JSON. The number columns (`packColumns`), in this order: the
 * purchases' amounts, their ids' lengths, their rows by id, the rows with a return and the amounts
 * returned; then each spend currency's instants and running totals. The text: the ids end to end.
 */
type Head =
  | { readonly state: Exclude<CustomerState, RegisteredCustomer> }
  | {
      readonly state: Omit<RegisteredCustomer, 'purchases' | 'spend'>;
      readonly purchases: {
        readonly currencies: readonly (readonly [string, number])[];
        readonly gross: readonly [string, number][];
      };
      /** Each currency with its chunks' sizes, in the order of its columns. */
      readonly spend: readonly [string, ArrayLike<number>][];
    };

function encodeRegistered(state: RegisteredCustomer): Columns<Head> {
  const { purchases, spend, ...rest } = state;
  const columns = purchaseColumnsOfBook(purchases);
  const idLengths = Array.from(
    { length: columns.amounts.length },
    (_, i) => columns.starts[i + 1] - columns.starts[i],
  );
  const series = Object.entries(spend).map(([currency, s]) => [currency, spendColumns(s)] as const);
  return {
    head: {
      state: rest,
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

function decodeRegistered(
  head: Extract<Head, { purchases: unknown }>,
  numbers: readonly NumberColumn[],
  ids: string,
): RegisteredCustomer {
  const [amounts, idLengths, byId, returnedRows, returnedAmounts, ...spendColumnsByCurrency] = numbers;
  const { currencies, gross } = head.purchases;
  const starts = startsOf(idLengths);
  const snapshot = { ids, starts, byId, amounts, currencies, returnedRows, returnedAmounts };
  const spend: Record<string, SpendSeries> = {};
  head.spend.forEach(([currency, sizes], i) => {
    const [atMs, totals] = spendColumnsByCurrency.slice(2 * i, 2 * i + 2);
    spend[currency] = spendSeriesOf({ sizes, atMs, totals });
  });
  return { ...head.state, purchases: purchaseBookOfColumns(snapshot, new Map(gross)), spend };
}

/**
 * A long history's state is mostly its purchases and spend movements: packed as typed columns, decoding
 * it reads them where they lie instead of parsing 10,000 numbers and building an object per purchase.
 */
export const customerStateCodec: StateCodec<CustomerState> = {
  version: `customer-state.${CUSTOMER_STATE_VERSION}/${schemaVersions}`,
  encode: (state) =>
    packColumns<Head>(
      state.status === 'registered' ? encodeRegistered(state) : { head: { state }, numbers: [], text: '' },
    ),
  decode: (bytes) => {
    const { head, numbers, text } = unpackColumns<Head>(bytes);
    return 'purchases' in head ? decodeRegistered(head, numbers, text) : head.state;
  },
};
