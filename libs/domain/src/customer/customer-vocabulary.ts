export const LIFECYCLE_STAGES = ['lead', 'prospect', 'customer', 'loyal', 'advocate', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;
export type Tier = (typeof TIERS)[number];

/** A complaint opens at `normal`; agents or automation rules raise it. */
export const COMPLAINT_PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type ComplaintPriority = (typeof COMPLAINT_PRIORITIES)[number];

export const CONTACT_CHANNELS = ['email', 'sms', 'call'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONSENT_PURPOSES = ['marketing', 'profiling', 'analytics'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface Address {
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly postalCode?: string;
  /** ISO-3166 alpha-2. */
  readonly country: string;
}
