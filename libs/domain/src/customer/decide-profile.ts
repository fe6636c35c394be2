import { InvalidInputError } from '../shared/domain-error';
import { requireId } from '../shared/ids';
import { optionalText, requireEmail, requireText } from '../shared/validation';
import type { EraseCustomer, RegisterCustomer, UpdateCustomerProfile } from './customer.commands';
import type { CustomerErased, CustomerProfileUpdated, CustomerRegistered } from './customer.events';
import type { RegisteredCustomer } from './customer.state';
import { optionalAddress, optionalPhone, withoutUndefined } from './customer-validation';

export const registerCustomer = (command: RegisterCustomer): CustomerRegistered => {
  const { data } = command;
  return {
    type: 'CustomerRegistered',
    data: withoutUndefined({
      customerId: requireId('customerId', command.customerId),
      name: requireText('name', data.name),
      email: requireEmail('email', data.email),
      phone: optionalPhone('phone', data.phone),
      address: optionalAddress('address', data.address),
      registeredVia: requireText('registeredVia', data.registeredVia, 64),
      stage: 'lead' as const,
    }),
  };
};

/** Only fields that actually change are recorded; an update that changes nothing appends nothing. */
export const updateCustomerProfile = (
  command: UpdateCustomerProfile,
  state: RegisteredCustomer,
): CustomerProfileUpdated[] => {
  const { data } = command;
  if (
    data.name === undefined &&
    data.email === undefined &&
    data.phone === undefined &&
    data.address === undefined
  ) {
    throw new InvalidInputError('data', 'give at least one of name, email, phone, address');
  }
  const requested = {
    name: optionalText('name', data.name),
    email: data.email === undefined ? undefined : requireEmail('email', data.email),
    phone: optionalPhone('phone', data.phone),
    address: optionalAddress('address', data.address),
  };
  const current = state.profile;
  const changes = withoutUndefined({
    name: requested.name !== current.name ? requested.name : undefined,
    email: requested.email !== current.email ? requested.email : undefined,
    phone: requested.phone !== current.phone ? requested.phone : undefined,
    address:
      requested.address !== undefined && JSON.stringify(requested.address) !== JSON.stringify(current.address)
        ? requested.address
        : undefined,
  });
  return Object.keys(changes).length === 0 ? [] : [{ type: 'CustomerProfileUpdated', data: changes }];
};

export const eraseCustomer = (command: EraseCustomer): CustomerErased => ({
  type: 'CustomerErased',
  data: { reason: requireText('reason', command.data.reason, 500) },
});
