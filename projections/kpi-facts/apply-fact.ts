import { toEpochMs, type EventEnvelope, type OpenOpportunityStage } from '@crm/domain';
import type {
  AnswerFact,
  ComplaintFact,
  DeliveryFact,
  KpiFact,
  OpportunityFact,
  PurchaseFact,
} from './kpi-fact';

type Data = Readonly<Record<string, unknown>>;
const data = (event: EventEnvelope): Data => event.data as Data;
const text = (event: EventEnvelope, name: string): string => String(data(event)[name]);
const amountOf = (event: EventEnvelope): { amount: number; currency: string } =>
  data(event).amount as { amount: number; currency: string };

const applyComplaint = (fact: ComplaintFact, event: EventEnvelope): ComplaintFact => {
  const at = event.occurredAt;
  switch (event.type) {
    case 'Complained':
      return { ...fact, openedAt: at, slaHours: Number(data(event).slaHours) };
    case 'ComplaintResolved':
      return {
        ...fact,
        resolvedAt: at,
        atMs: toEpochMs(at),
        firstContact: data(event).firstContact === true,
      };
    case 'ComplaintReopened':
      return { ...fact, resolvedAt: null, atMs: null, firstContact: null, reopened: true };
    default:
      return fact;
  }
};

const enter = (fact: OpportunityFact, event: EventEnvelope, stage: unknown): OpportunityFact => ({
  ...fact,
  stages: [
    ...fact.stages,
    {
      stage: stage as OpenOpportunityStage,
      at: event.occurredAt,
      probability: Number(data(event).probability),
    },
  ],
});

const close = (fact: OpportunityFact, event: EventEnvelope, outcome: 'won' | 'lost'): OpportunityFact => ({
  ...fact,
  outcome,
  closedAt: event.occurredAt,
  endMs: toEpochMs(event.occurredAt),
});

const applyOpportunity = (fact: OpportunityFact, event: EventEnvelope): OpportunityFact => {
  switch (event.type) {
    case 'OpportunityOpened': {
      const { amount, currency } = amountOf(event);
      const opened = { ...fact, amount, currency, openedAt: event.occurredAt };
      return enter(
        {
          ...opened,
          subject: text(event, 'opportunityId'),
          customerId: text(event, 'customerId'),
          atMs: toEpochMs(event.occurredAt),
        },
        event,
        data(event).stage,
      );
    }
    case 'OpportunityStageAdvanced':
      return enter(fact, event, data(event).to);
    case 'OpportunityWon':
      return close(fact, event, 'won');
    case 'OpportunityLost':
      return close(fact, event, 'lost');
    default:
      return fact;
  }
};

const applyDelivery = (fact: DeliveryFact, event: EventEnvelope): DeliveryFact => {
  const at = event.occurredAt;
  switch (event.type) {
    case 'CampaignSent':
      return fact.sentAt === null ? { ...fact, sentAt: at, atMs: toEpochMs(at) } : fact;
    case 'CampaignOpened':
      return fact.openedAt === null ? { ...fact, openedAt: at } : fact;
    case 'CampaignClicked':
      return {
        ...fact,
        clicks: [...fact.clicks, at],
        endMs: Math.max(fact.endMs ?? Number.NEGATIVE_INFINITY, toEpochMs(at)),
      };
    default:
      return fact;
  }
};

const applyAnswer = (fact: AnswerFact, event: EventEnvelope): AnswerFact => ({
  ...fact,
  subject: text(event, 'surveyId'),
  score: Number(data(event).score),
  at: event.occurredAt,
  atMs: toEpochMs(event.occurredAt),
});

const applyPurchase = (fact: PurchaseFact, event: EventEnvelope): PurchaseFact => {
  const { amount, currency } = amountOf(event);
  const at = event.occurredAt;
  if (event.type === 'Purchased') {
    return { ...fact, subject: text(event, 'purchaseId'), amount, currency, at, atMs: toEpochMs(at) };
  }
  const endMs = Math.max(fact.endMs ?? Number.NEGATIVE_INFINITY, toEpochMs(at));
  return { ...fact, returns: [...fact.returns, { at, amount }], endMs };
};

/** Applies one (upcast) event to the fact it feeds. */
export const applyFact = (fact: KpiFact, event: EventEnvelope): KpiFact => {
  switch (fact.kind) {
    case 'complaint':
      return { ...applyComplaint(fact, event), subject: text(event, 'complaintId') };
    case 'opportunity':
      return applyOpportunity(fact, event);
    case 'delivery':
      return { ...applyDelivery(fact, event), subject: text(event, 'campaignId') };
    case 'nps':
    case 'csat':
      return applyAnswer(fact, event);
    case 'purchase':
      return applyPurchase(fact, event);
  }
};
