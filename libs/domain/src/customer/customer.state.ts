import type { Recorded } from '../shared/decider';
import type {
  Address,
  ComplaintPriority,
  ConsentPurpose,
  ContactChannel,
  LifecycleStage,
  Tier,
} from './customer-vocabulary';
import type { CustomerEvent } from './customer.events';
import { EMPTY_PURCHASE_BOOK, findPurchase, type PurchaseBook, withPurchase } from './purchase-book';
import { type SpendLedger, EMPTY_SPEND_LEDGER, recordSpend } from './spend-ledger';
import { toEpochMs } from '../shared/instant';

export type { PurchaseRecord } from './purchase-book';

export interface ActiveConsent {
  readonly legalBasis: string;
  readonly source: string;
  readonly evidenceRef: string;
}

export interface Profile {
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  readonly address?: Address;
}

export interface RegisteredCustomer {
  readonly status: 'registered';
  readonly customerId: string;
  /** When the customer was registered: a review at an earlier instant does not concern them. */
  readonly registeredAt: string;
  readonly profile: Profile;
  readonly stage: LifecycleStage;
  readonly tier: Tier;
  readonly tierFloor: Tier;
  readonly downgradeWarning: { readonly tier: Tier; readonly graceUntil: string } | null;
  readonly lastTierReviewAt: string | null;
  /**
   * The latest instant among tier changes, downgrade warnings and cancellations (their `asOf`, the
   * instant they take effect, whenever they were recorded) and floors (`occurredAt`). The
   * loyalty fields above are the state at every instant from then on, so a review at or after it decides
   * on the state held at its own instant (ADR 0022).
   */
  readonly lastLoyaltyFactAt: string | null;
  readonly purchases: PurchaseBook;
  readonly returnIds: readonly string[];
  readonly spend: SpendLedger;
  readonly complaints: Readonly<Record<string, 'open' | 'resolved'>>;
  /** Only complaints whose priority was changed; every other complaint is `normal`. */
  readonly complaintPriorities: Readonly<Record<string, ComplaintPriority>>;
  readonly consents: Readonly<Record<string, ActiveConsent>>;
  readonly campaignsSent: readonly string[];
}

export type CustomerState =
  | { readonly status: 'unregistered' }
  | RegisteredCustomer
  | { readonly status: 'erased'; readonly customerId: string; readonly tier: Tier };

export const initialCustomerState = (): CustomerState => ({ status: 'unregistered' });

export const consentKey = (purpose: ConsentPurpose, channel: ContactChannel): string =>
  `${purpose}:${channel}`;

export const campaignKey = (campaignId: string, channel: ContactChannel): string =>
  `${campaignId}:${channel}`;

/** Events of one stream need not arrive in time order (a purchase may be backdated). */
const latest = (current: string | null, instant: string): string =>
  current === null || toEpochMs(instant) > toEpochMs(current) ? instant : current;

const evolveRegistered = (state: RegisteredCustomer, event: Recorded<CustomerEvent>): CustomerState => {
  switch (event.type) {
    case 'CustomerRegistered':
      return state;
    case 'CustomerProfileUpdated':
      return { ...state, profile: { ...state.profile, ...event.data } };
    case 'Purchased': {
      const { purchaseId, amount } = event.data;
      const spend = recordSpend(state.spend, amount.currency, toEpochMs(event.occurredAt), amount.amount);
      return {
        ...state,
        purchases: withPurchase(state.purchases, purchaseId, { amount, returned: 0 }),
        spend,
      };
    }
    case 'PurchaseReturned': {
      const { purchaseId, returnId, amount } = event.data;
      const purchase = findPurchase(state.purchases, purchaseId);
      const purchases =
        purchase === undefined
          ? state.purchases
          : withPurchase(state.purchases, purchaseId, {
              ...purchase,
              returned: purchase.returned + amount.amount,
            });
      const spend = recordSpend(state.spend, amount.currency, toEpochMs(event.occurredAt), -amount.amount);
      return { ...state, purchases, spend, returnIds: [...state.returnIds, returnId] };
    }
    case 'TierChanged':
      return {
        ...state,
        lastLoyaltyFactAt: latest(state.lastLoyaltyFactAt, event.data.asOf),
        tier: event.data.to,
        downgradeWarning: null,
        lastTierReviewAt: event.data.reason === 'downgrade' ? event.data.asOf : state.lastTierReviewAt,
      };
    case 'TierDowngradeWarned':
      return {
        ...state,
        downgradeWarning: { tier: event.data.tier, graceUntil: event.data.graceUntil },
        lastTierReviewAt: event.data.asOf,
        lastLoyaltyFactAt: latest(state.lastLoyaltyFactAt, event.data.asOf),
      };
    case 'TierDowngradeCancelled':
      return {
        ...state,
        downgradeWarning: null,
        lastTierReviewAt: event.data.asOf,
        lastLoyaltyFactAt: latest(state.lastLoyaltyFactAt, event.data.asOf),
      };
    case 'TierFloorSet':
      return {
        ...state,
        tierFloor: event.data.tier,
        lastLoyaltyFactAt: latest(state.lastLoyaltyFactAt, event.occurredAt),
      };
    case 'Complained':
      return { ...state, complaints: { ...state.complaints, [event.data.complaintId]: 'open' } };
    case 'ComplaintResolved':
      return { ...state, complaints: { ...state.complaints, [event.data.complaintId]: 'resolved' } };
    case 'ComplaintReopened':
      return { ...state, complaints: { ...state.complaints, [event.data.complaintId]: 'open' } };
    case 'ComplaintPrioritized':
      return {
        ...state,
        complaintPriorities: { ...state.complaintPriorities, [event.data.complaintId]: event.data.priority },
      };
    case 'CampaignSent':
      return {
        ...state,
        campaignsSent: [...state.campaignsSent, campaignKey(event.data.campaignId, event.data.channel)],
      };
    case 'CampaignOpened':
    case 'CampaignClicked':
    case 'NpsAnswered':
    case 'SatisfactionAnswered':
      return state;
    case 'StageAdvanced':
      return { ...state, stage: event.data.to };
    case 'ConsentGranted': {
      const { purpose, channel, legalBasis, source, evidenceRef } = event.data;
      return {
        ...state,
        consents: { ...state.consents, [consentKey(purpose, channel)]: { legalBasis, source, evidenceRef } },
      };
    }
    case 'ConsentWithdrawn': {
      const consents = { ...state.consents };
      delete consents[consentKey(event.data.purpose, event.data.channel)];
      return { ...state, consents };
    }
    case 'CustomerErased':
      return { status: 'erased', customerId: state.customerId, tier: state.tier };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};

export const evolveCustomer = (state: CustomerState, event: Recorded<CustomerEvent>): CustomerState => {
  switch (state.status) {
    case 'unregistered':
      if (event.type !== 'CustomerRegistered') {
        return state;
      }
      return {
        status: 'registered',
        customerId: event.data.customerId,
        registeredAt: event.occurredAt,
        profile: {
          name: event.data.name,
          email: event.data.email,
          phone: event.data.phone,
          address: event.data.address,
        },
        stage: event.data.stage,
        tier: 'bronze',
        tierFloor: 'bronze',
        downgradeWarning: null,
        lastTierReviewAt: null,
        lastLoyaltyFactAt: null,
        purchases: EMPTY_PURCHASE_BOOK,
        returnIds: [],
        spend: EMPTY_SPEND_LEDGER,
        complaints: {},
        complaintPriorities: {},
        consents: {},
        campaignsSent: [],
      };
    case 'registered':
      return evolveRegistered(state, event);
    case 'erased':
      return state;
    default: {
      const unexpected: never = state;
      return unexpected;
    }
  }
};
