import type { EventEnvelope } from '@crm/domain';
import { testLog } from '../testing/envelope';

/** A small mixed log: two customers, one opportunity, users and services acting. */
export const auditedLog = (): EventEnvelope[] => {
  const log = testLog();
  const staff = { id: 'u-7', kind: 'user' as const, roles: ['sales', 'admin'] };
  return [
    log.append({
      streamId: 'customer-c1',
      type: 'CustomerRegistered',
      occurredAt: '2024-01-01T09:00:00Z',
      recordedAt: '2024-01-01T09:00:01Z',
      data: {
        customerId: 'c1',
        name: 'Ayşe Yılmaz',
        email: 'ayse@example.com',
        registeredVia: 'web',
        stage: 'lead',
      },
      metadata: {
        actor: staff,
        commandId: 'cmd-1',
        correlationId: 'corr-1',
        causationId: 'cmd-1',
        source: 'api',
      },
    }),
    log.append({
      streamId: 'customer-c1',
      type: 'Purchased',
      schemaVersion: 2,
      occurredAt: '2024-01-02T10:00:00Z',
      data: { purchaseId: 'p1', amount: { amount: 100_000, currency: 'TRY' } },
      metadata: { commandId: 'cmd-2', correlationId: 'corr-2', causationId: 'cmd-2', source: 'pos' },
    }),
    log.append({
      streamId: 'opportunity-o1',
      type: 'OpportunityOpened',
      occurredAt: '2024-01-03T11:00:00Z',
      data: {
        opportunityId: 'o1',
        customerId: 'c2',
        title: 'Fleet renewal',
        amount: { amount: 5_000_000, currency: 'TRY' },
        stage: 'qualification',
        probability: 10,
      },
      metadata: {
        actor: staff,
        commandId: 'cmd-3',
        correlationId: 'corr-3',
        causationId: 'cmd-3',
        source: 'api',
      },
    }),
    log.append({
      streamId: 'opportunity-o1',
      type: 'OpportunityLost',
      occurredAt: '2024-02-03T11:00:00Z',
      data: { atStage: 'qualification', reason: 'Customer said the price is too high' },
      metadata: {
        actor: staff,
        commandId: 'cmd-4',
        correlationId: 'corr-4',
        causationId: 'cmd-4',
        source: 'api',
      },
    }),
    log.append({
      streamId: 'customer-c1',
      type: 'CustomerErased',
      occurredAt: '2024-03-01T00:00:00Z',
      data: { reason: 'KVKK request from Ayşe Yılmaz' },
      metadata: {
        actor: staff,
        commandId: 'cmd-5',
        correlationId: 'corr-5',
        causationId: 'cmd-5',
        source: 'admin-cli',
        reason: 'KVKK-2024-17',
      },
    }),
  ];
};
