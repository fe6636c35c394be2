export * from './opportunity.document';
export * from './pipeline-summary';
export {
  opportunities,
  opportunityDocumentId,
  evolveOpportunityDocument,
  OPPORTUNITIES_FIELDS,
  OPPORTUNITIES_NAME,
  OPPORTUNITIES_VERSION,
  OPPORTUNITY_EVENT_TYPES,
} from './definition';
