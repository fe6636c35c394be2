import type { CustomerState } from '../customer/customer.state';
import { purchasesInOrder } from '../customer/purchase-book';
import { spendColumns } from '../customer/spend-ledger';

/**
 * What a customer's state holds, whatever its form, for comparing states in specs: a state decoded from a
 * snapshot keeps the snapshot's purchases as columns and its spend as views over the snapshot's bytes,
 * where a folded one has maps and arrays.
 */
export const customerStateContent = (state: CustomerState) =>
  state.status !== 'registered'
    ? state
    : {
        ...state,
        purchases: { inOrder: [...purchasesInOrder(state.purchases)], gross: state.purchases.gross },
        spend: Object.entries(state.spend).map(([currency, series]) => [currency, spendColumns(series)]),
      };
