import { DOMAIN_ERROR_HTTP_STATUS } from '../shared/domain-error';
import type { Address } from './customer-vocabulary';
import {
  CUSTOMER_ID,
  command,
  erased,
  event,
  given,
  oneOfEachCommand,
  registered,
  unchecked,
} from '../testing/customer-fixtures';

const register = (data: Partial<Parameters<typeof command<'RegisterCustomer'>>[1]> = {}) =>
  command('RegisterCustomer', {
    name: 'Ayşe Yılmaz',
    email: 'ayse@example.com.tr',
    registeredVia: 'web',
    ...data,
  });

describe('Customer registration, profile and erasure', () => {
  describe('when nobody is registered under the id', () => {
    it('registers the customer as a lead', () => {
      given([]).when(register()).then([registered()]);
    });

    it('keeps the optional phone and address', () => {
      const address = { line1: 'Bağdat Cad. 12', city: 'İstanbul', postalCode: '34710', country: 'TR' };
      given([])
        .when(register({ phone: '+90 532 000 00 00', address }))
        .then([{ ...registered(), data: { ...registered().data, phone: '+90 532 000 00 00', address } }]);
    });

    it.each([
      ['an empty name', { name: '  ' }, 'name'],
      ['a name longer than 200 characters', { name: 'x'.repeat(201) }, 'name'],
      ['an email without a domain', { email: 'ayse@' }, 'email'],
      ['a phone with letters', { phone: 'call me' }, 'phone'],
      [
        'an address without a country',
        { address: unchecked<Address>({ line1: 'a', city: 'b' }) },
        'address.country',
      ],
      ['an address without a city', { address: { line1: 'a', city: '', country: 'TR' } }, 'address.city'],
      ['no registration channel', { registeredVia: '' }, 'registeredVia'],
    ])('refuses %s', (_situation, data, field) => {
      given([]).when(register(data)).thenThrows('invalid_input', field);
    });

    it('refuses an id that is not a valid customer id', () => {
      given([])
        .when(command('RegisterCustomer', register().data, { customerId: 'not valid!' }))
        .thenThrows('invalid_input', 'customerId');
    });

    it.each(oneOfEachCommand().map((c) => [c.type, c]))('refuses %s as not found', (_type, anyCommand) => {
      given([]).when(anyCommand).thenThrows('not_found', CUSTOMER_ID);
    });
  });

  describe('when registered', () => {
    it('refuses to register the same customer twice', () => {
      given([registered()]).when(register()).thenThrows('already_exists');
    });

    it('records only the profile fields that change', () => {
      given([registered()])
        .when(command('UpdateCustomerProfile', { name: 'Ayşe Yılmaz', email: 'ayse.demir@example.com' }))
        .then([event('CustomerProfileUpdated', { email: 'ayse.demir@example.com' })]);
    });

    it('records a new address', () => {
      const address = { line1: 'Atatürk Blv. 1', city: 'Ankara', country: 'TR' };
      given([registered()])
        .when(command('UpdateCustomerProfile', { address }))
        .then([event('CustomerProfileUpdated', { address })]);
    });

    it('appends nothing when the update changes nothing', () => {
      given([registered()])
        .when(command('UpdateCustomerProfile', { name: 'Ayşe Yılmaz' }))
        .thenNothing();
    });

    it('sees earlier profile updates when deciding what changed', () => {
      given([registered(), event('CustomerProfileUpdated', { name: 'Ayşe Demir' })])
        .when(command('UpdateCustomerProfile', { name: 'Ayşe Demir' }))
        .thenNothing();
    });

    it('refuses an update that gives no field', () => {
      given([registered()])
        .when(command('UpdateCustomerProfile', {}))
        .thenThrows('invalid_input', 'at least one');
    });

    it('refuses an update with an invalid email', () => {
      given([registered()])
        .when(command('UpdateCustomerProfile', { email: 'nope' }))
        .thenThrows('invalid_input', 'email');
    });

    it('refuses a command addressed to another customer', () => {
      given([registered()])
        .when(command('AnswerNps', { surveyId: 's1', score: 9 }, { customerId: 'c-2' }))
        .thenThrows('invalid_input', 'customerId');
    });

    it('erases the customer with a reason', () => {
      given([registered()])
        .when(command('EraseCustomer', { reason: 'KVKK erasure request' }))
        .then([erased()]);
    });

    it('refuses an erasure without a reason', () => {
      given([registered()])
        .when(command('EraseCustomer', { reason: '' }))
        .thenThrows('invalid_input', 'reason');
    });
  });

  describe('when erased', () => {
    it('refuses a new registration under the erased id', () => {
      given([registered(), erased()]).when(register()).thenThrows('customer_erased');
    });

    it.each(oneOfEachCommand().map((c) => [c.type, c]))(
      'refuses %s because the customer is erased',
      (_type, anyCommand) => {
        given([registered(), erased()]).when(anyCommand).thenThrows('customer_erased', 'erased');
      },
    );

    it('reports erasure as gone, not as a missing customer', () => {
      expect(DOMAIN_ERROR_HTTP_STATUS.customer_erased).toBe(410);
    });
  });
});
