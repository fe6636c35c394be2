import type { DomainEvent } from '../shared/envelope';
import type { Money } from '../shared/money';
import type {
  Address,
  ComplaintPriority,
  ConsentPurpose,
  ContactChannel,
  LifecycleStage,
  Tier,
} from './customer-vocabulary';

export type CustomerRegistered = DomainEvent<
  'CustomerRegistered',
  {
    readonly customerId: string;
    readonly name: string;
    readonly email: string;
    readonly phone?: string;
    readonly address?: Address;
    readonly registeredVia: string;
    readonly stage: 'lead';
  }
>;

export type CustomerProfileUpdated = DomainEvent<
  'CustomerProfileUpdated',
  { readonly name?: string; readonly email?: string; readonly phone?: string; readonly address?: Address }
>;

export type Purchased = DomainEvent<
  'Purchased',
  { readonly purchaseId: string; readonly amount: Money; readonly channel?: string }
>;

export type PurchaseReturned = DomainEvent<
  'PurchaseReturned',
  { readonly returnId: string; readonly purchaseId: string; readonly amount: Money }
>;

export type TierChanged = DomainEvent<
  'TierChanged',
  {
    readonly from: Tier;
    readonly to: Tier;
    readonly reason: 'upgrade' | 'downgrade';
    readonly qualifyingSpend: number;
    readonly asOf: string;
  }
>;

export type TierDowngradeWarned = DomainEvent<
  'TierDowngradeWarned',
  {
    readonly tier: Tier;
    readonly qualifyingSpend: number;
    readonly graceUntil: string;
    readonly asOf: string;
  }
>;

export type TierDowngradeCancelled = DomainEvent<
  'TierDowngradeCancelled',
  { readonly tier: Tier; readonly qualifyingSpend: number; readonly asOf: string }
>;

export type TierFloorSet = DomainEvent<'TierFloorSet', { readonly tier: Tier }>;

export type Complained = DomainEvent<
  'Complained',
  {
    readonly complaintId: string;
    readonly category: string;
    readonly description: string;
    readonly channel: string;
    readonly slaHours: number;
  }
>;

export type ComplaintResolved = DomainEvent<
  'ComplaintResolved',
  { readonly complaintId: string; readonly firstContact: boolean; readonly resolution: string }
>;

export type ComplaintReopened = DomainEvent<
  'ComplaintReopened',
  { readonly complaintId: string; readonly reason: string }
>;

export type ComplaintPrioritized = DomainEvent<
  'ComplaintPrioritized',
  {
    readonly complaintId: string;
    readonly priority: ComplaintPriority;
    readonly previousPriority: ComplaintPriority;
    readonly reason: string;
  }
>;

export type CampaignSent = DomainEvent<
  'CampaignSent',
  { readonly campaignId: string; readonly channel: ContactChannel }
>;

export type CampaignOpened = DomainEvent<
  'CampaignOpened',
  { readonly campaignId: string; readonly channel: ContactChannel }
>;

export type CampaignClicked = DomainEvent<
  'CampaignClicked',
  { readonly campaignId: string; readonly channel: ContactChannel }
>;

export type StageAdvanced = DomainEvent<
  'StageAdvanced',
  { readonly from: LifecycleStage; readonly to: LifecycleStage; readonly trigger: 'command' | 'purchase' }
>;

export type ConsentGranted = DomainEvent<
  'ConsentGranted',
  {
    readonly purpose: ConsentPurpose;
    readonly channel: ContactChannel;
    readonly legalBasis: string;
    readonly source: string;
    readonly evidenceRef: string;
  }
>;

export type ConsentWithdrawn = DomainEvent<
  'ConsentWithdrawn',
  { readonly purpose: ConsentPurpose; readonly channel: ContactChannel; readonly source: string }
>;

export type NpsAnswered = DomainEvent<
  'NpsAnswered',
  { readonly surveyId: string; readonly score: number; readonly comment?: string }
>;

export type SatisfactionAnswered = DomainEvent<
  'SatisfactionAnswered',
  { readonly surveyId: string; readonly score: number; readonly comment?: string }
>;

export type CustomerErased = DomainEvent<'CustomerErased', { readonly reason: string }>;

export type CustomerEvent =
  | CustomerRegistered
  | CustomerProfileUpdated
  | Purchased
  | PurchaseReturned
  | TierChanged
  | TierDowngradeWarned
  | TierDowngradeCancelled
  | TierFloorSet
  | Complained
  | ComplaintResolved
  | ComplaintReopened
  | ComplaintPrioritized
  | CampaignSent
  | CampaignOpened
  | CampaignClicked
  | StageAdvanced
  | ConsentGranted
  | ConsentWithdrawn
  | NpsAnswered
  | SatisfactionAnswered
  | CustomerErased;

export type CustomerEventType = CustomerEvent['type'];

export const CUSTOMER_EVENT_SCHEMA_VERSIONS: Readonly<Record<CustomerEventType, number>> = {
  CustomerRegistered: 1,
  CustomerProfileUpdated: 1,
  Purchased: 2,
  PurchaseReturned: 1,
  TierChanged: 1,
  TierDowngradeWarned: 1,
  TierDowngradeCancelled: 1,
  TierFloorSet: 1,
  Complained: 1,
  ComplaintResolved: 1,
  ComplaintReopened: 1,
  ComplaintPrioritized: 1,
  CampaignSent: 1,
  CampaignOpened: 1,
  CampaignClicked: 1,
  StageAdvanced: 1,
  ConsentGranted: 1,
  ConsentWithdrawn: 1,
  NpsAnswered: 1,
  SatisfactionAnswered: 1,
  CustomerErased: 1,
};
