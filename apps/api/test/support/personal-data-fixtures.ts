/** What data-protection.e2e.spec.ts drives over HTTP: a customer to erase, one who stays, their histories. */
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const ID = 'c-dp-zumrut';
export const OTHER = 'c-dp-other';
export const NAME = 'Zümrüt Erasableoğlu';
export const EMAIL = 'zumrut.erasable@example.org';
export const NEW_EMAIL = 'zumrut.moved@example.org';
export const PHONE = '+905329876543';
/** Every clear value of the customer that must be gone from every file once erased. */
export const PERSONAL = [
  NAME,
  'Erasableoğlu',
  'erasableoğlu',
  EMAIL,
  NEW_EMAIL,
  PHONE,
  'Kuzguncuk Yokuşu 9',
  'Quietcomplaint',
  'Secretcomment',
];
export const TRY = (amount: number) => ({ amount, currency: 'TRY' });
export const FROM = '2026-01-01T00:00:00.000Z';
export const TO = '2026-12-31T00:00:00.000Z';

/** A customer of the data-protection e2e test: every personal value is unique to them. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly street: string;
  readonly complaint: string;
  readonly comment: string;
}

export const ERASED_ONE: Person = {
  id: ID,
  name: NAME,
  email: EMAIL,
  phone: PHONE,
  street: 'Kuzguncuk Yokuşu 9',
  complaint: 'Quietcomplaint: the parcel was opened',
  comment: 'Secretcomment from me',
};
export const STAYING: Person = {
  id: OTHER,
  name: 'Deniz Kalır',
  email: 'deniz@example.org',
  phone: '+905551112233',
  street: 'Moda Cd. 3',
  complaint: 'late parcel',
  comment: 'fine',
};

/** A history for the customer to erase and for one who stays, backdated into one KPI period. */
export const history = ({
  id,
  name,
  email,
  phone,
  street,
  complaint,
  comment,
}: Person): ReadonlyArray<[string, string, Body]> => [
  [
    'POST',
    '/customers',
    {
      customerId: id,
      name,
      email,
      phone,
      address: { line1: street, city: 'İstanbul', country: 'TR' },
      registeredVia: 'web',
      occurredAt: '2026-03-01T09:00:00Z',
    },
  ],
  ['PATCH', `/customers/${id}`, { email: id === ID ? NEW_EMAIL : email, occurredAt: '2026-03-02T09:00:00Z' }],
  [
    'POST',
    `/customers/${id}/consents`,
    {
      purpose: 'marketing',
      channel: 'email',
      legalBasis: 'explicit_consent',
      source: 'web-form',
      evidenceRef: 'consent-log/77',
      occurredAt: '2026-03-02T10:00:00Z',
    },
  ],
  [
    'POST',
    `/customers/${id}/purchases`,
    { purchaseId: `${id}-p1`, amount: TRY(1_200_000), occurredAt: '2026-03-05T09:00:00Z' },
  ],
  [
    'POST',
    `/customers/${id}/complaints`,
    {
      complaintId: `${id}-k1`,
      category: 'delivery',
      description: complaint,
      channel: 'call',
      occurredAt: '2026-03-06T09:00:00Z',
    },
  ],
  [
    'POST',
    `/customers/${id}/complaints/${id}-k1/resolution`,
    {
      firstContact: true,
      resolution: `Refunded: ${complaint}`,
      occurredAt: '2026-03-07T09:00:00Z',
    },
  ],
  [
    'POST',
    `/customers/${id}/nps`,
    { surveyId: 'nps-1', score: 9, comment, occurredAt: '2026-03-08T09:00:00Z' },
  ],
  [
    'POST',
    `/customers/${id}/campaign-events`,
    { campaignId: 'spring', channel: 'email', kind: 'sent', occurredAt: '2026-03-09T09:00:00Z' },
  ],
];
