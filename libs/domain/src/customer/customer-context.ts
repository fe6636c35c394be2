import type { DecisionContext } from '../shared/decider';
import {
  AlreadyExistsError,
  CustomerErasedError,
  InvalidInputError,
  NotFoundError,
} from '../shared/domain-error';
import { DEFAULT_LOYALTY_POLICY, type LoyaltyPolicy } from './loyalty-policy';
import type { CustomerState, RegisteredCustomer } from './customer.state';

export interface CustomerDecisionContext extends DecisionContext {
  readonly loyaltyPolicy?: LoyaltyPolicy;
}

export const policyOf = (context: CustomerDecisionContext): LoyaltyPolicy =>
  context.loyaltyPolicy ?? DEFAULT_LOYALTY_POLICY;

export const requireRegistered = (state: CustomerState, customerId: string): RegisteredCustomer => {
  switch (state.status) {
    case 'unregistered':
      throw new NotFoundError(`customer ${customerId} is not registered`, { customerId });
    case 'erased':
      throw new CustomerErasedError(state.customerId);
    case 'registered':
      if (state.customerId !== customerId) {
        throw new InvalidInputError(
          'customerId',
          `command for ${customerId} applied to customer ${state.customerId}`,
        );
      }
      return state;
    default: {
      const unexpected: never = state;
      return unexpected;
    }
  }
};

export const requireUnregistered = (state: CustomerState, customerId: string): void => {
  switch (state.status) {
    case 'unregistered':
      return;
    case 'erased':
      throw new CustomerErasedError(state.customerId);
    case 'registered':
      throw new AlreadyExistsError(`customer ${customerId} is already registered`, { customerId });
    default: {
      const unexpected: never = state;
      return unexpected;
    }
  }
};
