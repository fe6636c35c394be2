import type { Decider } from '../shared/decider';
import { requireId } from '../shared/ids';
import type { CustomerCommand } from './customer.commands';
import type { CustomerEvent } from './customer.events';
import { evolveCustomer, initialCustomerState, type CustomerState } from './customer.state';
import { commandTime } from '../shared/command-time';
import {
  policyOf,
  requireRegistered,
  requireUnregistered,
  type CustomerDecisionContext,
} from './customer-context';
import { answerNps, answerSatisfaction, advanceStage } from './decide-stage-and-surveys';
import { openComplaint, prioritizeComplaint, reopenComplaint, resolveComplaint } from './decide-complaints';
import {
  grantConsent,
  recordCampaignClicked,
  recordCampaignOpened,
  recordCampaignSent,
  withdrawConsent,
} from './decide-consent-and-campaigns';
import { reviewTier, setTierFloor } from './decide-loyalty';
import { eraseCustomer, registerCustomer, updateCustomerProfile } from './decide-profile';
import { recordPurchase, returnPurchase } from './decide-purchases';

export const decideCustomer = (
  command: CustomerCommand,
  state: CustomerState,
  context: CustomerDecisionContext,
): CustomerEvent[] => {
  const customerId = requireId('customerId', command.customerId);
  if (command.type === 'RegisterCustomer') {
    requireUnregistered(state, customerId);
    return [registerCustomer(command)];
  }
  const customer = requireRegistered(state, customerId);
  switch (command.type) {
    case 'UpdateCustomerProfile':
      return updateCustomerProfile(command, customer);
    case 'RecordPurchase':
      return recordPurchase(command, customer, commandTime(command, context), policyOf(context));
    case 'ReturnPurchase':
      return [returnPurchase(command, customer)];
    case 'OpenComplaint':
      return [openComplaint(command, customer)];
    case 'ResolveComplaint':
      return [resolveComplaint(command, customer)];
    case 'ReopenComplaint':
      return [reopenComplaint(command, customer)];
    case 'PrioritizeComplaint':
      return prioritizeComplaint(command, customer);
    case 'RecordCampaignSent':
      return [recordCampaignSent(command, customer)];
    case 'RecordCampaignOpened':
      return [recordCampaignOpened(command, customer)];
    case 'RecordCampaignClicked':
      return [recordCampaignClicked(command, customer)];
    case 'AdvanceStage':
      return [advanceStage(command, customer)];
    case 'GrantConsent':
      return grantConsent(command, customer);
    case 'WithdrawConsent':
      return [withdrawConsent(command, customer)];
    case 'AnswerNps':
      return [answerNps(command)];
    case 'AnswerSatisfaction':
      return [answerSatisfaction(command)];
    case 'ReviewTier':
      return reviewTier(command, customer, policyOf(context));
    case 'SetTierFloor':
      return setTierFloor(command, customer);
    case 'EraseCustomer':
      return [eraseCustomer(command)];
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
};

export const customerDecider: Decider<CustomerCommand, CustomerState, CustomerEvent> = {
  decide: decideCustomer,
  evolve: evolveCustomer,
  initialState: initialCustomerState,
};
