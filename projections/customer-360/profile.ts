import type { Address } from '@crm/domain';
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

const withSearchKeys = (profile: Omit<ProfileView, 'nameLower' | 'emailLower'>): ProfileView => ({
  ...profile,
  nameLower: profile.name === null ? null : profile.name.toLowerCase(),
  emailLower: profile.email === null ? null : profile.email.toLowerCase(),
});

export const ERASED_PROFILE: ProfileView = {
  name: null,
  email: null,
  phone: null,
  address: null,
  nameLower: null,
  emailLower: null,
};

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

/** Personal fields become null; everything else (tier history, totals, consents' legal record) stays. */
export const applyErased = (doc: Customer360, event: CustomerEnvelopeOf<'CustomerErased'>): Customer360 => ({
  ...doc,
  erased: true,
  erasedAt: event.occurredAt,
  profile: ERASED_PROFILE,
});
