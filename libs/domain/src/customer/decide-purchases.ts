import {
  AlreadyExistsError,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from '../shared/domain-error';
import { requireId } from '../shared/ids';
import { MAX_EXACT_TOTAL, requirePositiveMoney } from '../shared/money';
import { optionalText } from '../shared/validation';
import type { RecordPurchase, ReturnPurchase } from './customer.commands';
import type { Purchased, PurchaseReturned, StageAdvanced, TierChanged } from './customer.events';
import type { RegisteredCustomer } from './customer.state';
import { withoutUndefined } from './customer-validation';
import { upgradeFor } from './decide-loyalty';
import { findPurchase, grossOf } from './purchase-book';
import type { LoyaltyPolicy } from './loyalty-policy';

export const recordPurchase = (
  command: RecordPurchase,
  state: RegisteredCustomer,
  at: string,
  policy: LoyaltyPolicy,
): Array<Purchased | TierChanged | StageAdvanced> => {
  const purchaseId = requireId('purchaseId', command.data.purchaseId);
  const amount = requirePositiveMoney('amount', command.data.amount);
  const channel = optionalText('channel', command.data.channel, 64);
  if (findPurchase(state.purchases, purchaseId) !== undefined) {
    throw new AlreadyExistsError(`purchase ${purchaseId} is already recorded`, { purchaseId });
  }
  // Every total of the customer (gross, returned, net, net spend) is at most the gross: kept exact.
  if (grossOf(state.purchases, amount.currency) + amount.amount > MAX_EXACT_TOTAL) {
    throw new InvalidInputError(
      'amount.amount',
      `would take the customer's lifetime purchases in ${amount.currency} past ${MAX_EXACT_TOTAL} minor units, the largest total kept exactly`,
    );
  }
  const purchased: Purchased = { type: 'Purchased', data: withoutUndefined({ purchaseId, amount, channel }) };
  const upgrade = upgradeFor(state, { at, amount: amount.amount, currency: amount.currency }, policy);
  const conversion = stageReachedByPurchase(state);
  return [purchased, ...(upgrade === null ? [] : [upgrade]), ...(conversion === null ? [] : [conversion])];
};

/** A purchase makes a lead or prospect a customer, and brings a churned customer back (RULES.md, pipeline). */
const stageReachedByPurchase = (state: RegisteredCustomer): StageAdvanced | null =>
  state.stage === 'lead' || state.stage === 'prospect' || state.stage === 'churned'
    ? { type: 'StageAdvanced', data: { from: state.stage, to: 'customer', trigger: 'purchase' } }
    : null;

export const returnPurchase = (command: ReturnPurchase, state: RegisteredCustomer): PurchaseReturned => {
  const returnId = requireId('returnId', command.data.returnId);
  const purchaseId = requireId('purchaseId', command.data.purchaseId);
  const amount = requirePositiveMoney('amount', command.data.amount);
  if (state.returnIds.includes(returnId)) {
    throw new AlreadyExistsError(`return ${returnId} is already recorded`, { returnId });
  }
  const purchase = findPurchase(state.purchases, purchaseId);
  if (purchase === undefined) {
    throw new NotFoundError(`purchase ${purchaseId} does not exist for this customer`, { purchaseId });
  }
  if (purchase.amount.currency !== amount.currency) {
    throw new InvalidInputError(
      'amount.currency',
      `purchase ${purchaseId} was in ${purchase.amount.currency}, the return is in ${amount.currency}`,
    );
  }
  const left = purchase.amount.amount - purchase.returned;
  if (amount.amount > left) {
    throw new InvalidTransitionError(
      `return of ${amount.amount} exceeds the ${left} ${amount.currency} left of purchase ${purchaseId}`,
      { purchaseId, left },
    );
  }
  return { type: 'PurchaseReturned', data: { returnId, purchaseId, amount } };
};
