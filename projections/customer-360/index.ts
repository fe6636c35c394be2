export * from './customer-360.document';
export { customer360, customer360DocumentId, evolveCustomer360, CUSTOMER_360_FIELDS } from './definition';
export { customer360AsOf, type Customer360AsOf } from './time-travel';
export { DEFAULT_CHURN_POLICY, evaluateChurn, median, type ChurnPolicy } from './churn';
export { DEFAULT_CLV_POLICY, historicalClv, type ClvPolicy } from './clv';
