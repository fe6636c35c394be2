import type { CustomerCommand } from '@crm/domain';
import type { CommandIssuer, CommandRequest } from '../command-request';
import { requestHash } from '../request-hash';

/** What the executor's specs send: a customer's registration and purchases, as one service issues them. */
export const FINGERPRINT_KEY = Buffer.alloc(32, 1);

export const NOW = new Date('2026-06-01T12:00:00.000Z');

export const issuer: CommandIssuer = {
  actor: { id: 'svc-orders', kind: 'service', roles: ['service'] },
  correlationId: 'corr-1',
  source: 'orders',
};

export const register = (customerId = 'c-1'): CustomerCommand => ({
  type: 'RegisterCustomer',
  customerId,
  data: { name: 'Ayşe Yılmaz', email: 'ayse@example.com.tr', registeredVia: 'web' },
});

export const purchase = (purchaseId: string, amount = 10_000, customerId = 'c-1'): CustomerCommand => ({
  type: 'RecordPurchase',
  customerId,
  data: { purchaseId, amount: { amount, currency: 'TRY' } },
});

export const request = (
  command: CustomerCommand,
  commandId: string,
  extra: Partial<CommandRequest<CustomerCommand>> = {},
): CommandRequest<CustomerCommand> => ({
  command,
  commandId,
  requestHash: requestHash(command, FINGERPRINT_KEY),
  issuer,
  ...extra,
});
