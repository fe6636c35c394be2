import { CUSTOMER_EVENT_SCHEMA_VERSIONS } from './customer/customer.events';
import { DATA_ACCESS_EVENT_SCHEMA_VERSIONS } from './data-access/sensitive-record-viewed';
import { OPPORTUNITY_EVENT_SCHEMA_VERSIONS } from './opportunity/opportunity.events';
import { CURRENT_SCHEMA_VERSIONS, isCrmEventType } from './schema-versions';
import { createDefaultUpcasters } from './shared/upcasting/default-upcasters';

describe('schema versions', () => {
  it('covers every customer, opportunity and data-access event type, and no type twice', () => {
    const customer = Object.keys(CUSTOMER_EVENT_SCHEMA_VERSIONS);
    const opportunity = Object.keys(OPPORTUNITY_EVENT_SCHEMA_VERSIONS);
    const access = Object.keys(DATA_ACCESS_EVENT_SCHEMA_VERSIONS);
    expect(customer.filter((type) => opportunity.includes(type) || access.includes(type))).toEqual([]);
    expect(Object.keys(CURRENT_SCHEMA_VERSIONS).sort()).toEqual(
      [...customer, ...opportunity, ...access].sort(),
    );
  });

  it('knows its own event types', () => {
    expect(isCrmEventType('Purchased')).toBe(true);
    expect(isCrmEventType('toString')).toBe(false);
  });

  it('upcasts every type from version 1 to its current version', () => {
    const upcasters = createDefaultUpcasters();
    for (const [type, current] of Object.entries(CURRENT_SCHEMA_VERSIONS)) {
      const upcast = upcasters.upcast({
        id: 'id',
        type,
        schemaVersion: 1,
        data: type === 'Purchased' ? { purchaseId: 'p', amount: 1 } : {},
        occurredAt: '2026-01-01T00:00:00Z',
        recordedAt: '2026-01-01T00:00:00Z',
        streamId: 's',
        revision: 0,
        position: 1,
        metadata: {
          actor: { id: 'a', kind: 'service', roles: [] },
          commandId: 'c',
          correlationId: 'c',
          causationId: 'c',
          source: 's',
        },
      });
      expect([type, upcast.schemaVersion]).toEqual([type, current]);
    }
  });
});
