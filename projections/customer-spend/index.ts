export * from './customer-spend.document';
export {
  customerSpend,
  customerSpendDocumentId,
  evolveCustomerSpend,
  CUSTOMER_SPEND_EVENT_TYPES,
  CUSTOMER_SPEND_FIELDS,
  CUSTOMER_SPEND_NAME,
  CUSTOMER_SPEND_VERSION,
} from './definition';
export * from './segmentation-policy';
export * from './rfm-segment';
export { quintileScores } from './quintile-scores';
export { rfmScores, type RfmScore, type RfmResult } from './rfm-scores';
export { paretoShare, type ParetoShare } from './pareto-share';
export { windowStartMs, type SpendLedger } from './spend-window';
