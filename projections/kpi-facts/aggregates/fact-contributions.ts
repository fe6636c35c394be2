import { toEpochMs } from '@crm/domain';
import type {
  AnswerFact,
  ComplaintFact,
  DeliveryFact,
  KpiFact,
  OpportunityFact,
  PurchaseFact,
} from '../kpi-fact';
import { between, PRIMARY_CURRENCY } from '../kpis/kpi';
import { cycleMs, openEntryAt } from '../kpis/pipeline-kpis';
import { isFirstContactResolution, isWithinSla, resolutionMs } from '../kpis/service-kpis';
import { isSatisfied } from '../kpis/survey-kpis';
import { contribution, countedOnce, steps, type Contribution } from './contribution';

const flag = (value: boolean): number => (value ? 1 : 0);

const complaint = (fact: ComplaintFact): Contribution[] =>
  fact.openedAt === null || fact.resolvedAt === null
    ? []
    : [
        contribution('resolved', toEpochMs(fact.resolvedAt), [
          1,
          resolutionMs(fact),
          flag(isFirstContactResolution(fact)),
          flag(isWithinSla(fact)),
        ]),
      ];

/** Σ amount × probability and the count of the deal while open, as steps at each instant it changes. */
const pipeline = (deal: OpportunityFact): Contribution[] => {
  if (deal.currency === null) return [];
  const instants = [deal.openedAt, deal.closedAt, ...deal.stages.map((entry) => entry.at)]
    .filter((at): at is string => at !== null)
    .map(toEpochMs);
  return steps(`pipeline:${deal.currency}`, instants, (ms) => {
    const entry = openEntryAt(deal, ms);
    return entry === null ? [0, 0] : [deal.amount * entry.probability, 1];
  });
};

const stays = (deal: OpportunityFact): Contribution[] =>
  deal.stages.flatMap((entry, index) => {
    const end = deal.stages[index + 1]?.at ?? deal.closedAt;
    return end === null
      ? []
      : [contribution(`stay:${entry.stage}`, toEpochMs(end), [1, between(entry.at, end)])];
  });

/** Entering a stage counts once per deal and period; so does entering the stage it was lost at. */
const stageEntries = (deal: OpportunityFact): Contribution[] => {
  const lostAt = deal.outcome === 'lost' && deal.closedAt !== null ? deal.stages.at(-1)?.stage : undefined;
  const closedMs = deal.closedAt === null ? null : toEpochMs(deal.closedAt);
  return [...new Set(deal.stages.map((entry) => entry.stage))].flatMap((stage) => {
    const instants = deal.stages.filter((entry) => entry.stage === stage).map((entry) => toEpochMs(entry.at));
    const entered = countedOnce(`entered:${stage}`, instants);
    return stage === lostAt && closedMs !== null
      ? [...entered, ...countedOnce(`lost:${stage}`, instants, (ms) => Math.max(ms, closedMs))]
      : entered;
  });
};

const opportunity = (deal: OpportunityFact): Contribution[] => {
  if (deal.openedAt === null) return [];
  const closed =
    deal.closedAt === null
      ? []
      : [contribution('closed', toEpochMs(deal.closedAt), [1, flag(deal.outcome === 'won'), cycleMs(deal)])];
  return [...closed, ...pipeline(deal), ...stays(deal), ...stageEntries(deal)];
};

const delivery = (fact: DeliveryFact): Contribution[] => {
  const clicks = fact.clicks.map(toEpochMs);
  const clickContributions =
    fact.subject === null ? [] : clicks.map((ms) => contribution(`click:${fact.subject}`, ms, [1]));
  if (fact.sentAt === null) return clickContributions;
  const campaign = fact.subject ?? '';
  const sentMs = toEpochMs(fact.sentAt);
  const delivered = [contribution(`sent:${campaign}`, sentMs, [1])];
  if (fact.openedAt !== null) {
    delivered.push(
      contribution(`opened:${campaign}`, sentMs, [1], Math.max(sentMs, toEpochMs(fact.openedAt))),
    );
  }
  if (clicks.length > 0) {
    delivered.push(contribution(`clicked:${campaign}`, sentMs, [1], Math.max(sentMs, Math.min(...clicks))));
  }
  return [...delivered, ...clickContributions];
};

const answer = (factId: string, fact: AnswerFact): Contribution[] => {
  if (fact.atMs === null) return [];
  return fact.kind === 'csat'
    ? [contribution('csat', fact.atMs, [1, flag(isSatisfied(fact.score))])]
    : [
        {
          key: 'nps',
          entry: {
            x: fact.atMs,
            y: fact.atMs,
            values: [],
            detail: { factId, customerId: fact.customerId, score: fact.score },
          },
        },
      ];
};

/** TRY purchases with their instant: the ones net new revenue and revenue impact count. */
export const isPrimaryPurchase = (fact: PurchaseFact): fact is PurchaseFact & { at: string } =>
  fact.at !== null && fact.currency === PRIMARY_CURRENCY;

const purchase = (fact: PurchaseFact): Contribution[] =>
  isPrimaryPurchase(fact)
    ? [
        contribution('revenue', toEpochMs(fact.at), [1, fact.amount]),
        ...fact.returns.map((entry) => contribution('revenue', toEpochMs(entry.at), [1, -entry.amount])),
      ]
    : [];

/**
 * What one fact adds to the KPI series, whatever the period: the same filters as the KPI functions in
 * `kpis/`, applied once when the fact changes instead of on every report. Revenue impact joins a
 * customer's purchases with their clicks: `campaign-credits.ts`.
 */
export const factContributions = (factId: string, fact: KpiFact): Contribution[] => {
  switch (fact.kind) {
    case 'complaint':
      return complaint(fact);
    case 'opportunity':
      return opportunity(fact);
    case 'delivery':
      return delivery(fact);
    case 'nps':
    case 'csat':
      return answer(factId, fact);
    case 'purchase':
      return purchase(fact);
  }
};
