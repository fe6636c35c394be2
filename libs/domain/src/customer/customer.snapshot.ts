import { type Columns, packColumns, unpackColumns } from '../shared/packed-columns';
import type { StateCodec } from '../shared/state-codec';
import { CUSTOMER_EVENT_SCHEMA_VERSIONS } from './customer.events';
import type { CustomerState, RegisteredCustomer } from './customer.state';
import { purchaseBookOfColumns, purchasesInOrder } from './purchase-book';
import { purchaseColumnsOf } from './purchase-columns';
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

type Rest = Omit<RegisteredCustomer, 'purchases' | 'spend'>;

/**
 * Everything but the long columns, as JSON. The columns (`packColumns`): float64 the purchases' amounts,
 * then each spend currency's instants and running totals; uint32 the ids' starts and the rows by id; the
 * text the ids end to end.
 */
type Head =
  | { readonly state: Exclude<CustomerState, RegisteredCustomer> }
  | {
      readonly state: Rest;
      readonly purchases: {
        readonly currencies: readonly (readonly [string, number])[];
        readonly returned: readonly [number, number][];
        readonly gross: readonly [string, number][];
      };
      /** Each currency with its chunks' sizes, in the order of its columns. */
      readonly spend: readonly [string, ArrayLike<number>][];
    };

function encodeRegistered(state: RegisteredCustomer): Columns<Head> {
  const { purchases, spend, ...rest } = state;
  const columns = purchaseColumnsOf(purchasesInOrder(purchases));
  const series = Object.entries(spend).map(([currency, s]) => [currency, spendColumns(s)] as const);
  return {
    head: {
      state: rest,
      purchases: {
        currencies: columns.currencies,
        returned: [...columns.returned],
        gross: [...purchases.gross],
      },
      spend: series.map(([currency, { sizes }]) => [currency, Array.from(sizes)]),
    },
    float64: [columns.amounts, ...series.flatMap(([, { atMs, totals }]) => [atMs, totals])],
    uint32: [columns.starts, columns.byId],
    text: columns.ids,
  };
}

function decodeRegistered(
  head: Extract<Head, { purchases: unknown }>,
  float64: readonly Float64Array[],
  uint32: readonly Uint32Array[],
  ids: string,
): RegisteredCustomer {
  const [amounts, ...spendColumnsByCurrency] = float64;
  const [starts, byId] = uint32;
  const { currencies, returned, gross } = head.purchases;
  const snapshot = { ids, starts, byId, amounts, currencies, returned: new Map(returned) };
  const spend: Record<string, SpendSeries> = {};
  head.spend.forEach(([currency, sizes], i) => {
    const [atMs, totals] = spendColumnsByCurrency.slice(2 * i, 2 * i + 2);
    spend[currency] = spendSeriesOf({ sizes, atMs, totals });
  });
  return {
    ...head.state,
    purchases: purchaseBookOfColumns(snapshot, new Map(gross)),
    spend,
  };
}

/**
 * A long history's state is mostly its purchases and spend movements: packed as typed columns, decoding
 * it reads them where they lie instead of parsing 10,000 numbers and building an object per purchase.
 */
export const customerStateCodec: StateCodec<CustomerState> = {
  version: `customer-state.${CUSTOMER_STATE_VERSION}/${schemaVersions}`,
  encode: (state) =>
    packColumns<Head>(
      state.status === 'registered'
        ? encodeRegistered(state)
        : { head: { state }, float64: [], uint32: [], text: '' },
    ),
  decode: (bytes) => {
    const { head, float64, uint32, text } = unpackColumns<Head>(bytes);
    return 'purchases' in head ? decodeRegistered(head, float64, uint32, text) : head.state;
  },
};
