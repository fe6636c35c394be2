import type { CustomerCommand } from '../customer/customer.commands';
import { customerDecider } from '../customer/customer.decide';
import type { CustomerEvent } from '../customer/customer.events';
import { addDays } from '../shared/instant';
import type { Money } from '../shared/money';
import { deciderSpec, type GivenEvent } from './decider-spec';

export const CUSTOMER_ID = 'c-1001';
export const NOW = '2026-06-01T12:00:00.000Z';

/** The instant `days` days before NOW. */
export const daysAgo = (days: number): string => addDays(NOW, -days);

export const given = deciderSpec(customerDecider, { now: NOW });

type CommandOf<T extends CustomerCommand['type']> = Extract<CustomerCommand, { type: T }>;
type EventOf<T extends CustomerEvent['type']> = Extract<CustomerEvent, { type: T }>;

export const command = <T extends CustomerCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  extra: { occurredAt?: string; customerId?: string } = {},
): CommandOf<T> => ({ type, customerId: CUSTOMER_ID, data, ...extra }) as unknown as CommandOf<T>;

export const event = <T extends CustomerEvent['type']>(
  type: T,
  data: EventOf<T>['data'],
  occurredAt?: string,
): GivenEvent<EventOf<T>> =>
  (occurredAt === undefined ? { type, data } : { type, data, occurredAt }) as GivenEvent<EventOf<T>>;

/** Lets a spec hand the decider input that the type system would otherwise refuse, as an HTTP body might. */
export const unchecked = <T>(value: unknown): T => value as T;

export const tryAmount = (amount: number): Money => ({ amount, currency: 'TRY' });

export const registered = (occurredAt?: string) =>
  event(
    'CustomerRegistered',
    {
      customerId: CUSTOMER_ID,
      name: 'Ayşe Yılmaz',
      email: 'ayse@example.com.tr',
      registeredVia: 'web',
      stage: 'lead',
    },
    occurredAt,
  );

/** A first purchase converts a lead; histories that start later in the funnel include it. */
export const convertedByPurchase = () =>
  event('StageAdvanced', { from: 'lead', to: 'customer', trigger: 'purchase' });

export const erased = () => event('CustomerErased', { reason: 'KVKK erasure request' });

export const purchased = (purchaseId: string, amount: Money, occurredAt?: string) =>
  event('Purchased', { purchaseId, amount }, occurredAt);

export const marketingConsent = (channel: 'email' | 'sms' | 'call') =>
  event('ConsentGranted', {
    purpose: 'marketing',
    channel,
    legalBasis: 'explicit_consent',
    source: 'web-signup',
    evidenceRef: `ev-${channel}`,
  });

/** One valid command of every type, for the checks that apply to all of them. */
export const oneOfEachCommand = (): CustomerCommand[] => [
  command('UpdateCustomerProfile', { name: 'Ayşe Demir' }),
  command('RecordPurchase', { purchaseId: 'p1', amount: tryAmount(10_000) }),
  command('ReturnPurchase', { returnId: 'r1', purchaseId: 'p1', amount: tryAmount(1_000) }),
  command('OpenComplaint', { complaintId: 'k1', category: 'delivery', description: 'late', channel: 'call' }),
  command('ResolveComplaint', { complaintId: 'k1', firstContact: true, resolution: 'refunded shipping' }),
  command('ReopenComplaint', { complaintId: 'k1', reason: 'still late' }),
  command('PrioritizeComplaint', { complaintId: 'k1', priority: 'high', reason: 'gold customer' }),
  command('RecordCampaignSent', { campaignId: 'summer', channel: 'email' }),
  command('RecordCampaignOpened', { campaignId: 'summer', channel: 'email' }),
  command('RecordCampaignClicked', { campaignId: 'summer', channel: 'email' }),
  command('AdvanceStage', { to: 'prospect' }),
  command('GrantConsent', {
    purpose: 'marketing',
    channel: 'email',
    legalBasis: 'explicit_consent',
    source: 'web',
    evidenceRef: 'ev-1',
  }),
  command('WithdrawConsent', { purpose: 'marketing', channel: 'email', source: 'web' }),
  command('AnswerNps', { surveyId: 's1', score: 9 }),
  command('AnswerSatisfaction', { surveyId: 's2', score: 4 }),
  command('ReviewTier', { asOf: NOW }),
  command('SetTierFloor', { tier: 'gold' }),
  command('EraseCustomer', { reason: 'request' }),
];
