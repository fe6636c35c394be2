import type { NewEvent } from '@crm/domain';

/** A minimal event for the store's own specs: the store treats `data` as opaque JSON. */
export function testEvent(id: string, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id,
    type: 'Tested',
    schemaVersion: 1,
    occurredAt: '2026-01-01T00:00:00.000Z',
    data: {},
    metadata: {
      actor: { id: 'a', kind: 'user', roles: [] },
      commandId: 'c',
      correlationId: 'c',
      causationId: 'c',
      source: 'spec',
    },
    ...overrides,
  };
}
