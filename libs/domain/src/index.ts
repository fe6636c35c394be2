export * from './shared/envelope';
export * from './shared/decider';
export * from './shared/state-codec';
export * from './shared/command-time';
export * from './shared/domain-error';
export * from './shared/money';
export * from './shared/dated-amounts';
export * from './shared/ids';
export * from './shared/instant';
export * from './shared/event-id';
export * from './shared/stamp-events';
export * from './shared/upcasting/upcaster-registry';
export * from './shared/upcasting/purchased-v1-to-v2';
export * from './shared/upcasting/default-upcasters';
export * from './schema-versions';

export * from './customer/customer-vocabulary';
export * from './customer/customer.events';
export * from './customer/customer.commands';
export * from './customer/customer.state';
export * from './customer/customer.snapshot';
export type { CustomerDecisionContext } from './customer/customer-context';
export * from './customer/loyalty-policy';
export * from './customer/spend-ledger';
export { DEFAULT_COMPLAINT_SLA_HOURS } from './customer/decide-complaints';
export { customerDecider, decideCustomer } from './customer/customer.decide';
export { TierReviewSupersededError } from './customer/tier-review-superseded.error';

export * from './opportunity/opportunity-policy';
export * from './opportunity/opportunity.events';
export * from './opportunity/opportunity.commands';
export * from './opportunity/opportunity.state';
export * from './opportunity/opportunity.decide';
export * from './projection/projection-definition';

export * from './personal-data/personal-fields';
export * from './personal-data/transform-personal-fields';
export * from './data-access/sensitive-record-viewed';
export * from './streams/stream-name-prefixes';
