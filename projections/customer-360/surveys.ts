import type { Customer360 } from './customer-360.document';
import type { CustomerEnvelopeOf } from './customer-envelope';
import { withChanges } from './document-copy';

/** The latest answer wins; free-text comments (personal data) are not kept. */
export const applyNpsAnswered = (doc: Customer360, event: CustomerEnvelopeOf<'NpsAnswered'>): Customer360 =>
  withChanges(doc, { nps: { surveyId: event.data.surveyId, score: event.data.score, at: event.occurredAt } });

export const applySatisfactionAnswered = (
  doc: Customer360,
  event: CustomerEnvelopeOf<'SatisfactionAnswered'>,
): Customer360 =>
  withChanges(doc, {
    csat: { surveyId: event.data.surveyId, score: event.data.score, at: event.occurredAt },
  });
