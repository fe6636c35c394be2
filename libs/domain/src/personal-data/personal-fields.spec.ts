import { CURRENT_SCHEMA_VERSIONS } from '../schema-versions';
import {
  carriesPersonalData,
  ERASED_PERSONAL_DATA,
  PERSONAL_FIELDS,
  personalFieldsOf,
} from './personal-fields';
import { personalValuesOf, transformPersonalFields } from './transform-personal-fields';

const registered = {
  customerId: 'c-1',
  name: 'Ayşe Yılmaz',
  email: 'ayse@example.com',
  phone: '+905551112233',
  address: { line1: 'Bağdat Cd. 1', city: 'İstanbul', postalCode: '34710', country: 'TR' },
  registeredVia: 'web',
  stage: 'lead',
};

describe('the personal-data field catalogue', () => {
  it('names only event types the domain writes', () => {
    expect(Object.keys(PERSONAL_FIELDS).filter((type) => !(type in CURRENT_SCHEMA_VERSIONS))).toEqual([]);
  });

  it.each([
    ['CustomerRegistered', ['name', 'email', 'phone', 'address.line1', 'address.city']],
    ['CustomerProfileUpdated', ['name', 'email', 'phone', 'address.postalCode']],
    ['Complained', ['description']],
    ['ComplaintResolved', ['resolution']],
    ['ComplaintReopened', ['reason']],
    ['NpsAnswered', ['comment']],
    ['SatisfactionAnswered', ['comment']],
  ])('treats the contact details and free text of %s as personal', (type, paths) => {
    expect(personalFieldsOf(type)).toEqual(expect.arrayContaining(paths));
  });

  it.each([
    'Purchased',
    'TierChanged',
    'ConsentGranted',
    'CustomerErased',
    'OpportunityOpened',
    'SensitiveRecordViewed',
  ])('finds no personal data in %s: facts that stay after erasure', (type) => {
    expect(carriesPersonalData(type)).toBe(false);
  });

  it('keeps the country in clear: it decides the jurisdiction and identifies no one on its own', () => {
    expect(personalFieldsOf('CustomerRegistered')).not.toContain('address.country');
  });
});

describe('transformPersonalFields', () => {
  it('changes every personal string, nested ones included, and nothing else', () => {
    const erased = transformPersonalFields('CustomerRegistered', registered, () => ERASED_PERSONAL_DATA);

    expect(erased).toEqual({
      customerId: 'c-1',
      name: '[erased]',
      email: '[erased]',
      phone: '[erased]',
      address: { line1: '[erased]', city: '[erased]', postalCode: '[erased]', country: 'TR' },
      registeredVia: 'web',
      stage: 'lead',
    });
    expect(registered.name).toBe('Ayşe Yılmaz');
  });

  it('leaves absent fields absent, so an update that omits the e-mail does not gain one', () => {
    const changed = transformPersonalFields('CustomerProfileUpdated', { phone: '+90 555' }, (v) => `<${v}>`);

    expect(changed).toEqual({ phone: '<+90 555>' });
  });

  it('returns data of types without personal fields as it is', () => {
    const data = { purchaseId: 'p-1', amount: { amount: 100, currency: 'TRY' } };

    expect(transformPersonalFields('Purchased', data, () => 'x')).toBe(data);
  });

  it('lists the personal values an event carries by path', () => {
    expect(
      personalValuesOf('Complained', { complaintId: 'k-1', description: 'late again', category: 'delivery' }),
    ).toEqual({
      description: 'late again',
    });
  });
});
