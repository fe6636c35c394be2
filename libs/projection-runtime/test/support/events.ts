import type { NewEvent } from '@crm/domain';
import type { EventStore } from '@crm/event-store/event-store';

const TYPES = ['CustomerRegistered', 'Purchased', 'Purchased', 'CampaignOpened'] as const;

export function activityEvent(id: string, type: string, occurredAt = '2026-01-01T00:00:00.000Z'): NewEvent {
  return {
    id,
    type,
    schemaVersion: 1,
    occurredAt,
    data: {},
    metadata: {
      actor: { id: 'svc-spec', kind: 'service', roles: ['service'] },
      commandId: id,
      correlationId: id,
      causationId: id,
      source: 'projection-runtime-spec',
    },
  };
}

/** Appends `count` events round-robin over `streams` customers, a few of a type no projection handles. */
export async function seedActivity(
  store: EventStore,
  count: number,
  streams: number,
  chunk = 50,
  idPrefix = 'e',
): Promise<void> {
  for (let offset = 0; offset < count; offset += chunk) {
    const appends = new Map<string, NewEvent[]>();
    for (let i = offset; i < Math.min(offset + chunk, count); i++) {
      const streamId = `customer-c${i % streams}`;
      const events = appends.get(streamId) ?? [];
      events.push(activityEvent(`${idPrefix}${i}`, TYPES[Math.floor(i / streams) % TYPES.length]));
      appends.set(streamId, events);
    }
    await Promise.all([...appends].map(([streamId, events]) => store.append(streamId, events, 'any')));
  }
}
