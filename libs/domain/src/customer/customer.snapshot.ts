import type { StateCodec } from '../shared/state-codec';
import { CUSTOMER_EVENT_SCHEMA_VERSIONS } from './customer.events';
import type { CustomerState, PurchaseRecord, RegisteredCustomer } from './customer.state';
import { purchaseBookOf, purchasesInOrder } from './purchase-book';

/**
 * Bump whenever `evolveCustomer` or the shape of `CustomerState` changes: every stored snapshot of a
 * customer then stops being loaded, and the next command on a long stream folds it again and writes a new one.
 */
export const CUSTOMER_STATE_VERSION = 1;

const schemaVersions = Object.entries(CUSTOMER_EVENT_SCHEMA_VERSIONS)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([type, version]) => `${type}.${version}`)
  .join(',');

/** The purchase book as columns: a long history parses as four flat arrays instead of one object per purchase. */
interface EncodedPurchases {
  readonly ids: string[];
  readonly amounts: number[];
  readonly currencies: string[];
  readonly returned: number[];
}

type EncodedRegistered = Omit<RegisteredCustomer, 'purchases'> & { readonly purchases: EncodedPurchases };
type EncodedCustomer = Exclude<CustomerState, RegisteredCustomer> | EncodedRegistered;

function encodePurchases(state: RegisteredCustomer): EncodedPurchases {
  const columns: EncodedPurchases = { ids: [], amounts: [], currencies: [], returned: [] };
  for (const [id, record] of purchasesInOrder(state.purchases)) {
    columns.ids.push(id);
    columns.amounts.push(record.amount.amount);
    columns.currencies.push(record.amount.currency);
    columns.returned.push(record.returned);
  }
  return columns;
}

function* decodePurchases(columns: EncodedPurchases): Generator<[string, PurchaseRecord]> {
  for (let i = 0; i < columns.ids.length; i++) {
    const amount = { amount: columns.amounts[i], currency: columns.currencies[i] };
    yield [columns.ids[i], { amount, returned: columns.returned[i] }];
  }
}

export const customerStateCodec: StateCodec<CustomerState> = {
  version: `customer-state.${CUSTOMER_STATE_VERSION}/${schemaVersions}`,
  encode: (state) => {
    const encoded: EncodedCustomer =
      state.status === 'registered' ? { ...state, purchases: encodePurchases(state) } : state;
    return JSON.stringify(encoded);
  },
  decode: (text) => {
    const encoded = JSON.parse(text) as EncodedCustomer;
    if (encoded.status !== 'registered') return encoded;
    return { ...encoded, purchases: purchaseBookOf(decodePurchases(encoded.purchases)) };
  },
};
