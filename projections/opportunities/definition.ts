import {
  OPPORTUNITY_EVENT_SCHEMA_VERSIONS,
  parseStreamName,
  type EventEnvelope,
  type OpportunityEvent,
  type OpportunityEventType,
  type ProjectionDefinition,
  type ProjectionField,
} from '@crm/domain';
import { emptyOpportunity, type OpportunityDocument } from './opportunity.document';

export const OPPORTUNITIES_NAME = 'opportunities';
export const OPPORTUNITIES_VERSION = 1;

export const OPPORTUNITY_EVENT_TYPES = Object.keys(
  OPPORTUNITY_EVENT_SCHEMA_VERSIONS,
) as OpportunityEventType[];

export const OPPORTUNITIES_FIELDS: readonly ProjectionField[] = [
  { path: 'stage', type: 'string' },
  { path: 'status', type: 'string' },
  { path: 'customerId', type: 'string' },
];

type OpportunityEnvelope = OpportunityEvent & Omit<EventEnvelope, 'type' | 'data'>;

const isOpportunityEventType = (type: string): type is OpportunityEventType =>
  Object.prototype.hasOwnProperty.call(OPPORTUNITY_EVENT_SCHEMA_VERSIONS, type);

/** The opportunity id of an `opportunity-<id>` stream event of a handled type; null otherwise. */
export const opportunityDocumentId = (event: EventEnvelope): string | null => {
  if (!isOpportunityEventType(event.type)) {
    return null;
  }
  const parsed = parseStreamName(event.streamId);
  return parsed !== null && parsed.category === 'opportunity' ? parsed.id : null;
};

const applyOpportunityEvent = (doc: OpportunityDocument, event: OpportunityEnvelope): OpportunityDocument => {
  const at = event.occurredAt;
  switch (event.type) {
    case 'OpportunityOpened': {
      const { customerId, title, amount, stage, probability } = event.data;
      return {
        ...doc,
        customerId,
        title,
        status: 'open',
        stage,
        amount: amount.amount,
        currency: amount.currency,
        probability,
        openedAt: at,
        stageEnteredAt: at,
        stagesEntered: [{ stage, at }],
      };
    }
    case 'OpportunityStageAdvanced': {
      const { to, probability } = event.data;
      return {
        ...doc,
        stage: to,
        probability,
        stageEnteredAt: at,
        stagesEntered: [...doc.stagesEntered, { stage: to, at }],
      };
    }
    case 'OpportunityWon':
      return {
        ...doc,
        status: 'won',
        stage: event.data.atStage,
        amount: event.data.amount.amount,
        currency: event.data.amount.currency,
        probability: 100,
        closedAt: at,
      };
    case 'OpportunityLost':
      return { ...doc, status: 'lost', stage: event.data.atStage, probability: 0, closedAt: at };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};

/**
 * Applies one stored event. Pure: other event types and redeliveries (revision at or below
 * `lastRevision`) leave the document as it is. The lost reason (free text) is not copied.
 */
export const evolveOpportunityDocument = (
  doc: OpportunityDocument,
  stored: EventEnvelope,
): OpportunityDocument => {
  if (!isOpportunityEventType(stored.type) || stored.revision <= doc.lastRevision) {
    return doc;
  }
  const event = stored as OpportunityEnvelope;
  return { ...applyOpportunityEvent(doc, event), lastRevision: event.revision };
};

export const opportunities: ProjectionDefinition<OpportunityDocument> = {
  name: OPPORTUNITIES_NAME,
  version: OPPORTUNITIES_VERSION,
  handles: OPPORTUNITY_EVENT_TYPES,
  documentId: opportunityDocumentId,
  initial: emptyOpportunity,
  evolve: evolveOpportunityDocument,
  fields: OPPORTUNITIES_FIELDS,
};
