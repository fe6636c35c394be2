import type {
  Address,
  ComplaintPriority,
  ConsentPurpose,
  ContactChannel,
  LifecycleStage,
  Tier,
} from '@crm/domain';

/**
 * The customer 360 read model: one plain-JSON document per customer (no Date, no Map, no undefined).
 * Instants are ISO-8601 strings taken from event `occurredAt`; money is integer minor units.
 */
export type Customer360 = {
  readonly customerId: string;
  /** Revision of the last event applied; -1 before any. Events at or below it are skipped. */
  readonly lastRevision: number;
  /** The latest `occurredAt` among applied events: the "as of" instant for time-based flags. */
  readonly asOf: string | null;
  readonly registered: boolean;
  readonly registeredAt: string | null;
  readonly registeredVia: string | null;
  readonly erased: boolean;
  readonly erasedAt: string | null;
  readonly profile: ProfileView;
  readonly consents: ConsentsView;
  /** Current lifecycle stage (queryable); null before registration. */
  readonly stage: LifecycleStage | null;
  readonly stageSince: string | null;
  readonly purchases: PurchasesView;
  /** Net spend in TRY minor units (queryable copy of `purchases.netSpend.TRY`). */
  readonly netSpend: number;
  /** Queryable copy of `purchases.lastAt`. */
  readonly lastPurchaseAt: string | null;
  readonly complaints: ComplaintsView;
  readonly campaigns: Readonly<Record<ContactChannel, ChannelEngagement>>;
  readonly nps: SurveyAnswer | null;
  readonly csat: SurveyAnswer | null;
  /** Current loyalty tier (queryable). */
  readonly tier: Tier;
  readonly loyalty: LoyaltyView;
  /** Queryable copy of `churn.risk`. */
  readonly churnRisk: boolean;
  readonly churn: ChurnView;
  readonly clv: ClvView | null;
  /** The latest events, newest first, at most `TIMELINE_LIMIT`. */
  readonly timeline: readonly TimelineEntry[];
};

export interface ProfileView {
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: Address | null;
  /** Lower-cased copies for prefix search; null once erased. */
  readonly nameLower: string | null;
  readonly emailLower: string | null;
}

export interface ActiveConsentView {
  readonly purpose: ConsentPurpose;
  readonly channel: ContactChannel;
  readonly legalBasis: string;
  readonly source: string;
  readonly evidenceRef: string;
  readonly grantedAt: string;
}

export interface ConsentChange {
  readonly action: 'granted' | 'withdrawn';
  readonly purpose: ConsentPurpose;
  readonly channel: ContactChannel;
  readonly source: string;
  readonly at: string;
}

export interface ConsentsView {
  /** Active consents, one per purpose × channel, sorted by purpose then channel. */
  readonly active: readonly ActiveConsentView[];
  /** The latest changes, newest first, at most `CONSENT_HISTORY_LIMIT`. */
  readonly history: readonly ConsentChange[];
}

export interface CurrencyTotals {
  readonly purchaseCount: number;
  readonly gross: number;
  readonly returned: number;
  readonly net: number;
  /** floor(net ÷ purchaseCount), in minor units. */
  readonly averageOrderValue: number;
}

export interface PurchasesView {
  readonly count: number;
  readonly returnCount: number;
  readonly firstAt: string | null;
  readonly lastAt: string | null;
  /** Per currency code; TRY is the primary currency. */
  readonly byCurrency: Readonly<Record<string, CurrencyTotals>>;
  /** Every purchase instant, ascending (the churn rule needs the gaps between them). */
  readonly times: readonly string[];
}

export interface ComplaintView {
  readonly complaintId: string;
  readonly category: string;
  readonly channel: string;
  readonly slaHours: number;
  /** `normal` at opening; kept through resolution and reopening. */
  readonly priority: ComplaintPriority;
  /** The original opening; a reopened complaint keeps counting from here. */
  readonly openedAt: string;
  readonly resolvedAt: string | null;
  /** resolvedAt − openedAt in milliseconds, once resolved. */
  readonly resolutionMs: number | null;
  readonly firstContact: boolean | null;
  readonly reopenCount: number;
}

export interface ComplaintsView {
  readonly open: readonly ComplaintView[];
  readonly resolved: readonly ComplaintView[];
  /** Mean of `resolutionMs` over resolved complaints; null when none. */
  readonly averageResolutionMs: number | null;
}

export interface ChannelEngagement {
  /** Distinct campaigns sent / opened / clicked on this channel. */
  readonly sent: number;
  readonly opened: number;
  readonly clicked: number;
  readonly campaignIds: {
    readonly sent: readonly string[];
    readonly opened: readonly string[];
    readonly clicked: readonly string[];
  };
}

export interface SurveyAnswer {
  readonly surveyId: string;
  readonly score: number;
  readonly at: string;
}

export interface TierChange {
  readonly from: Tier;
  readonly to: Tier;
  readonly reason: 'upgrade' | 'downgrade';
  readonly qualifyingSpend: number;
  readonly asOf: string;
  readonly at: string;
}

export interface DowngradeWarning {
  readonly tier: Tier;
  readonly qualifyingSpend: number;
  readonly graceUntil: string;
  readonly warnedAt: string;
}

export interface LoyaltyView {
  readonly floor: Tier | null;
  readonly downgradeWarning: DowngradeWarning | null;
  /** Every TierChanged, oldest first. */
  readonly history: readonly TierChange[];
}

export type ChurnReason = 'purchase_gap' | 'complaint_over_sla';

export interface ChurnView {
  readonly risk: boolean;
  readonly reasons: readonly ChurnReason[];
  /** The instant the flag was evaluated at (the document's `asOf`). */
  readonly evaluatedAt: string | null;
  /** Median gap between consecutive purchases in ms; null with fewer than 2 purchases. */
  readonly medianGapMs: number | null;
  /** max(2 × median gap, 60 days) in ms; null with fewer than 2 purchases. */
  readonly gapThresholdMs: number | null;
  /** evaluatedAt − last purchase in ms; null without purchases. */
  readonly msSinceLastPurchase: number | null;
  /** Ids of open complaints open longer than their SLA at `evaluatedAt`. */
  readonly complaintsOverSla: readonly string[];
}

export interface ClvView {
  /** Historical CLV in TRY minor units, rounded down. */
  readonly amount: number;
  readonly currency: 'TRY';
  readonly asOf: string;
}

export interface TimelineEntry {
  readonly type: string;
  readonly occurredAt: string;
  readonly revision: number;
  /** A short description without personal data. */
  readonly summary: string;
}

export const TIMELINE_LIMIT = 20;
export const CONSENT_HISTORY_LIMIT = 10;

const noEngagement = (): ChannelEngagement => ({
  sent: 0,
  opened: 0,
  clicked: 0,
  campaignIds: { sent: [], opened: [], clicked: [] },
});

export const emptyCustomer360 = (customerId: string): Customer360 => ({
  customerId,
  lastRevision: -1,
  asOf: null,
  registered: false,
  registeredAt: null,
  registeredVia: null,
  erased: false,
  erasedAt: null,
  profile: { name: null, email: null, phone: null, address: null, nameLower: null, emailLower: null },
  consents: { active: [], history: [] },
  stage: null,
  stageSince: null,
  purchases: { count: 0, returnCount: 0, firstAt: null, lastAt: null, byCurrency: {}, times: [] },
  netSpend: 0,
  lastPurchaseAt: null,
  complaints: { open: [], resolved: [], averageResolutionMs: null },
  campaigns: { email: noEngagement(), sms: noEngagement(), call: noEngagement() },
  nps: null,
  csat: null,
  tier: 'bronze',
  loyalty: { floor: null, downgradeWarning: null, history: [] },
  churnRisk: false,
  churn: {
    risk: false,
    reasons: [],
    evaluatedAt: null,
    medianGapMs: null,
    gapThresholdMs: null,
    msSinceLastPurchase: null,
    complaintsOverSla: [],
  },
  clv: null,
  timeline: [],
});
