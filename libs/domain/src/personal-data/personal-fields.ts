/**
 * The personal-data field catalogue (KVKK / GDPR, docs/data-protection.md): for each event type, the
 * dotted paths inside `data` that hold personal data of the customer whose stream it is. These fields
 * are encrypted under that customer's data key before they are stored, and read back as
 * `ERASED_PERSONAL_DATA` once the key is destroyed. Every value at these paths is a string, so an erased
 * event keeps its shape and every reader of it keeps its types.
 *
 * Deliberately absent: `address.country` (jurisdiction, not identifying on its own), consent `source` and
 * `evidenceRef` (references into the evidence system, needed to prove a lawful basis after erasure), and
 * staff-written reasons (`CustomerErased.reason`, `ComplaintPrioritized.reason`, opportunity titles and
 * loss reasons), which must not carry personal data by policy (ADR 0010).
 */
export const PERSONAL_FIELDS = {
  CustomerRegistered: [
    'name',
    'email',
    'phone',
    'address.line1',
    'address.line2',
    'address.city',
    'address.postalCode',
  ],
  CustomerProfileUpdated: [
    'name',
    'email',
    'phone',
    'address.line1',
    'address.line2',
    'address.city',
    'address.postalCode',
  ],
  Complained: ['description'],
  ComplaintResolved: ['resolution'],
  ComplaintReopened: ['reason'],
  NpsAnswered: ['comment'],
  SatisfactionAnswered: ['comment'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type EventTypeWithPersonalData = keyof typeof PERSONAL_FIELDS;

/** What a personal field reads as once its customer's key is destroyed: the same in events, exports and views. */
export const ERASED_PERSONAL_DATA = '[erased]';

/** The personal paths of an event type; empty for types that carry none. */
export const personalFieldsOf = (type: string): readonly string[] =>
  Object.prototype.hasOwnProperty.call(PERSONAL_FIELDS, type)
    ? PERSONAL_FIELDS[type as EventTypeWithPersonalData]
    : [];

export const carriesPersonalData = (type: string): boolean => personalFieldsOf(type).length > 0;
