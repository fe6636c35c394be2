import type { Money } from '../shared/money';
import type {
  Address,
  ComplaintPriority,
  ConsentPurpose,
  ContactChannel,
  LifecycleStage,
  Tier,
} from './customer-vocabulary';

/** A command names its customer; `occurredAt`, when given, replaces the context's `now` (e.g. a backdated import). */
interface CustomerCommandOf<TType extends string, TData> {
  readonly type: TType;
  readonly customerId: string;
  readonly occurredAt?: string;
  readonly data: TData;
}

export type RegisterCustomer = CustomerCommandOf<
  'RegisterCustomer',
  { name: string; email: string; phone?: string; address?: Address; registeredVia: string }
>;
export type UpdateCustomerProfile = CustomerCommandOf<
  'UpdateCustomerProfile',
  { name?: string; email?: string; phone?: string; address?: Address }
>;
export type RecordPurchase = CustomerCommandOf<
  'RecordPurchase',
  { purchaseId: string; amount: Money; channel?: string }
>;
export type ReturnPurchase = CustomerCommandOf<
  'ReturnPurchase',
  { returnId: string; purchaseId: string; amount: Money }
>;
export type OpenComplaint = CustomerCommandOf<
  'OpenComplaint',
  { complaintId: string; category: string; description: string; channel: string; slaHours?: number }
>;
export type ResolveComplaint = CustomerCommandOf<
  'ResolveComplaint',
  { complaintId: string; firstContact: boolean; resolution: string }
>;
export type ReopenComplaint = CustomerCommandOf<'ReopenComplaint', { complaintId: string; reason: string }>;
export type PrioritizeComplaint = CustomerCommandOf<
  'PrioritizeComplaint',
  { complaintId: string; priority: ComplaintPriority; reason: string }
>;
export type RecordCampaignSent = CustomerCommandOf<
  'RecordCampaignSent',
  { campaignId: string; channel: ContactChannel }
>;
export type RecordCampaignOpened = CustomerCommandOf<
  'RecordCampaignOpened',
  { campaignId: string; channel: ContactChannel }
>;
export type RecordCampaignClicked = CustomerCommandOf<
  'RecordCampaignClicked',
  { campaignId: string; channel: ContactChannel }
>;
export type AdvanceStage = CustomerCommandOf<'AdvanceStage', { to: LifecycleStage }>;
export type GrantConsent = CustomerCommandOf<
  'GrantConsent',
  {
    purpose: ConsentPurpose;
    channel: ContactChannel;
    legalBasis: string;
    source: string;
    evidenceRef: string;
  }
>;
export type WithdrawConsent = CustomerCommandOf<
  'WithdrawConsent',
  { purpose: ConsentPurpose; channel: ContactChannel; source: string }
>;
export type AnswerNps = CustomerCommandOf<'AnswerNps', { surveyId: string; score: number; comment?: string }>;
export type AnswerSatisfaction = CustomerCommandOf<
  'AnswerSatisfaction',
  { surveyId: string; score: number; comment?: string }
>;
export type ReviewTier = CustomerCommandOf<'ReviewTier', { asOf: string }>;
export type SetTierFloor = CustomerCommandOf<'SetTierFloor', { tier: Tier }>;
export type EraseCustomer = CustomerCommandOf<'EraseCustomer', { reason: string }>;

export type CustomerCommand =
  | RegisterCustomer
  | UpdateCustomerProfile
  | RecordPurchase
  | ReturnPurchase
  | OpenComplaint
  | ResolveComplaint
  | ReopenComplaint
  | PrioritizeComplaint
  | RecordCampaignSent
  | RecordCampaignOpened
  | RecordCampaignClicked
  | AdvanceStage
  | GrantConsent
  | WithdrawConsent
  | AnswerNps
  | AnswerSatisfaction
  | ReviewTier
  | SetTierFloor
  | EraseCustomer;
