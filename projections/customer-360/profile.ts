import { type Address, ERASED_PERSONAL_DATA } from '@crm/domain';
import type { Customer360, ProfileView } from './customer-360.document';
import type { CustomerEnvelopeOf } from './customer-envelope';

/** Copies an address without undefined members, so the document stays plain JSON. */
const plainAddress = (address: Address): Address => ({
  line1: address.line1,
  ...(address.line2 === undefined ? {} : { line2: address.line2 }),
  city: address.city,
  ...(address.postalCode === undefined ? {} : { postalCode: address.postalCode }),
  country: address.country,
});

/** An erased value (read from an event whose key is destroyed) is never a search key. */
const searchKey = (value: string | null): string | null =>
  value === null || value === ERASED_PERSONAL_DATA ? null : value.toLowerCase();

const withSearchKeys = (profile: Omit<ProfileView, 'nameLower' | 'emailLower'>): ProfileView => ({
  ...profile,
  nameLower: searchKey(profile.name),
  emailLower: searchKey(profile.email),
});

/** Every field held reads as the erased marker, as in the events themselves; the country stays (ADR 0010). */
const erasedAddress = (address: Address): Address => ({
  line1: ERASED_PERSONAL_DATA,
  ...(address.line2 === undefined ? {} : { line2: ERASED_PERSONAL_DATA }),
  city: ERASED_PERSONAL_DATA,
  ...(address.postalCode === undefined ? {} : { postalCode: ERASED_PERSONAL_DATA }),
  country: address.country,
});

export const erasedProfile = (profile: ProfileView): ProfileView => ({
  name: ERASED_PERSONAL_DATA,
  email: ERASED_PERSONAL_DATA,
  phone: profile.phone === null ? null : ERASED_PERSONAL_DATA,
  address: profile.address === null ? null : erasedAddress(profile.address),
  nameLower: null,
  emailLower: null,
});

export const applyRegistered = (
  doc: Customer360,
  event: CustomerEnvelopeOf<'CustomerRegistered'>,
): Customer360 => {
  const { name, email, phone, address, registeredVia, stage } = event.data;
  return {
    ...doc,
    registered: true,
    registeredAt: event.occurredAt,
    registeredVia,
    profile: withSearchKeys({
      name,
      email,
      phone: phone ?? null,
      address: address === undefined ? null : plainAddress(address),
    }),
    stage,
    stageSince: event.occurredAt,
  };
};

/** Last known values win; fields absent from the event stay as they were. Ignored once erased. */
export const applyProfileUpdated = (
  doc: Customer360,
  event: CustomerEnvelopeOf<'CustomerProfileUpdated'>,
): Customer360 => {
  if (doc.erased) {
    return doc;
  }
  const { name, email, phone, address } = event.data;
  const { profile } = doc;
  return {
    ...doc,
    profile: withSearchKeys({
      name: name ?? profile.name,
      email: email ?? profile.email,
      phone: phone ?? profile.phone,
      address: address === undefined ? profile.address : plainAddress(address),
    }),
  };
};

/**
 * Personal fields read as erased and leave the search keys; everything else (tier history, totals,
 * consents' legal record) stays.
 */
export const applyErased = (doc: Customer360, event: CustomerEnvelopeOf<'CustomerErased'>): Customer360 => ({
  ...doc,
  erased: true,
  erasedAt: event.occurredAt,
  profile: erasedProfile(doc.profile),
});
