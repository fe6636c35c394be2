import type { EventEnvelope } from '@crm/domain';
import type { EventSource } from '@crm/projection-runtime';
import { EventRelay } from './event-relay';
import type { EventRelayOptions } from './event-relay-options';

/** A log of `count` events whose positions are byte offsets, 173 apart, as EventStoreDB's are (ADR 0003). */
function sparseLog(count: number): EventSource {
  const events = Array.from({ length: count }, (_, i) => ({ position: 173 * (i + 1) }) as EventEnvelope);
  return {
    readAll: async ({ after, limit }) => events.filter((event) => event.position > after).slice(0, limit),
    headPosition: async () => 173 * count,
    subscribeToAll: () => {
      throw new Error('not used');
    },
  };
}

describe('EventRelay status', () => {
  it('reports the events it has yet to publish, not the distance in positions', async () => {
    const relay = new EventRelay({
      source: sparseLog(12),
      checkpoints: {
        getCheckpoint: async () => ({ position: 173 * 5, updatedAt: '2026-03-01T00:00:00.000Z' }),
        saveCheckpoint: async () => undefined,
      },
      topics: { customerEvents: 'events', orderedEvents: 'ordered' },
    } as unknown as EventRelayOptions);

    expect(await relay.status()).toMatchObject({
      position: 173 * 5,
      headPosition: 173 * 12,
      lagEvents: 7,
    });
  });
});
