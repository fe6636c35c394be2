import { accessLogStream, CURRENT_SCHEMA_VERSIONS, type CustomerCommand, stampEvents } from '@crm/domain';
import type { DemoCommand } from '@crm/demo-data';
import type { EventStore } from '@crm/event-store/event-store';

/** The customers of a demo history, in the order they first appear. */
const customerIdsOf = (demo: readonly DemoCommand[]): string[] => [
  ...new Set(demo.flatMap((item) => (item.aggregate === 'customer' ? [item.command.customerId] : []))),
];

/**
 * Commands the demo generator never issues, to follow a demo history so that every customer event type
 * occurs, and events that change nothing: repeated campaign opens, profile updates, complaint priorities,
 * tier reviews (warning, cancelled warning, downgrade), tier floors and erasures. Some are refused (a review that finds nothing to do); the rest append.
 */
export function rareCommands(demo: readonly DemoCommand[]): DemoCommand[] {
  const customerIds = customerIdsOf(demo);
  const complaints = demo.flatMap((item) =>
    item.aggregate === 'customer' && item.command.type === 'OpenComplaint'
      ? [{ customerId: item.command.customerId, complaintId: item.command.data.complaintId }]
      : [],
  );
  const opens = demo.flatMap((item) =>
    item.aggregate === 'customer' && item.command.type === 'RecordCampaignOpened' ? [item.command] : [],
  );
  const commands: CustomerCommand[] = [
    ...opens.map(({ type, customerId, data }) => ({ type, customerId, data })),
    ...complaints.map(({ customerId, complaintId }) => ({
      type: 'PrioritizeComplaint' as const,
      customerId,
      data: { complaintId, priority: 'urgent' as const, reason: 'rare-commands' },
    })),
    ...customerIds.flatMap((customerId, index): CustomerCommand[] => [
      { type: 'UpdateCustomerProfile', customerId, data: { name: `Renamed ${index}` } },
      { type: 'ReviewTier', customerId, data: { asOf: '2027-12-01T00:00:00.000Z' } },
      ...(index % 2 === 0
        ? [
            {
              type: 'RecordPurchase' as const,
              customerId,
              occurredAt: '2027-12-10T00:00:00.000Z',
              data: { purchaseId: `rare-${index}`, amount: { amount: 5_000_000, currency: 'TRY' } },
            },
            { type: 'ReviewTier' as const, customerId, data: { asOf: '2027-12-15T00:00:00.000Z' } },
          ]
        : []),
      { type: 'SetTierFloor', customerId, data: { tier: index % 3 === 0 ? 'silver' : 'bronze' } },
      { type: 'ReviewTier', customerId, data: { asOf: '2028-02-01T00:00:00.000Z' } },
    ]),
    ...customerIds.slice(0, 3).map((customerId) => ({
      type: 'EraseCustomer' as const,
      customerId,
      data: { reason: 'rare-commands' },
    })),
  ];
  return commands.map((command, index) => ({
    aggregate: 'customer',
    commandId: `rare-${String(index).padStart(6, '0')}`,
    command,
  }));
}

/** A `SensitiveRecordViewed` per customer of the demo, as the API's access log appends them. */
export async function appendAccessViews(store: EventStore, demo: readonly DemoCommand[]): Promise<void> {
  for (const [index, customerId] of customerIdsOf(demo).entries()) {
    const commandId = `view-${String(index).padStart(6, '0')}`;
    const events = stampEvents(
      [
        {
          type: 'SensitiveRecordViewed',
          data: { record: 'customer-history', customerId, purpose: 'support' },
        },
      ],
      {
        metadata: {
          actor: { id: 'agent-1', kind: 'user', roles: ['agent'] },
          commandId,
          correlationId: commandId,
          causationId: commandId,
          source: 'test',
        },
        occurredAt: '2026-11-23T00:00:00.000Z',
        schemaVersions: CURRENT_SCHEMA_VERSIONS,
      },
    );
    await store.append(accessLogStream(customerId), events, 'any');
  }
}
