import {
  parseStreamName,
  type EventEnvelope,
  type ProjectionDefinition,
  type ProjectionField,
} from '@crm/domain';
import { applyFact } from './apply-fact';
import { FACT_EVENT_TYPES, kpiFactId } from './fact-id';
import { initialFact } from './initial-fact';
import type { KpiFact } from './kpi-fact';

export const KPI_FACTS_NAME = 'kpi-facts';
/**
 * 2: a delivery's `endMs` is its latest click, so revenue impact finds clicks on older deliveries.
 * 3: `lastPosition`, so that the KPI aggregates read only the facts changed since they last looked.
 */
export const KPI_FACTS_VERSION = 3;

/** A KPI reads one kind over a period: `kind` = …, `atMs` / `endMs` in a range. */
export const KPI_FACTS_FIELDS: readonly ProjectionField[] = [
  { path: 'kind', type: 'string' },
  { path: 'customerId', type: 'string' },
  { path: 'subject', type: 'string' },
  { path: 'atMs', type: 'number' },
  { path: 'endMs', type: 'number' },
  { path: 'lastPosition', type: 'number' },
];

const customerOf = (fact: KpiFact, event: EventEnvelope): string | null => {
  const stream = parseStreamName(event.streamId);
  return stream?.category === 'customer' ? stream.id : fact.customerId;
};

/**
 * Applies one stored event. Pure: redeliveries (revision at or below `lastRevision`) leave the fact
 * as it is; events come upcast to their current schema. Facts hold no personal data or free text.
 */
export const evolveKpiFact = (fact: KpiFact, stored: EventEnvelope): KpiFact => {
  if (stored.revision <= fact.lastRevision) {
    return fact;
  }
  const applied = applyFact(fact, stored);
  return {
    ...applied,
    customerId: customerOf(applied, stored),
    lastRevision: stored.revision,
    lastPosition: stored.position,
  };
};

export const kpiFacts: ProjectionDefinition<KpiFact> = {
  name: KPI_FACTS_NAME,
  version: KPI_FACTS_VERSION,
  handles: FACT_EVENT_TYPES,
  documentId: kpiFactId,
  initial: initialFact,
  evolve: evolveKpiFact,
  fields: KPI_FACTS_FIELDS,
};
