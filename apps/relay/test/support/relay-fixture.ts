import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { CustomerKeys, type EventBus } from '@crm/messaging';
import type { Checkpoint } from '@crm/read-store';
import { EventRelay } from '../../src/event-relay';
import type { EventRelayOptions } from '../../src/event-relay-options';

export const RELAY_TOPICS = { customerEvents: 'crm.customer-events', orderedEvents: 'crm.ordered-events' };

/** An event whose data is `bytes` of random text: compression cannot shrink it. */
export function sizedEvent(id: string, bytes: number, type = 'CustomerProfileUpdated'): NewEvent {
  let text = '';
  while (text.length < bytes) text += Math.random().toString(36).slice(2);
  return {
    id,
    type,
    schemaVersion: 1,
    occurredAt: '2026-01-01T00:00:00.000Z',
    data: { notes: text.slice(0, bytes) },
    metadata: {
      actor: { id: 'svc-spec', kind: 'service', roles: ['service'] },
      commandId: id,
      correlationId: id,
      causationId: id,
      source: 'relay-spec',
    },
  };
}

/** A relay over a SQLite event store in a scratch folder, its checkpoint in memory. */
export class RelayFixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'crm-relay-'));
  readonly events = SqliteEventStore.open({ path: join(this.dir, 'events.db') });
  readonly checkpoints = new Map<string, Checkpoint>();

  async append(...sizes: number[]): Promise<void> {
    for (const bytes of sizes) {
      const head = await this.events.headPosition();
      await this.events.append(`customer-c${head % 3}`, [sizedEvent(`e${head}`, bytes)], 'any');
    }
  }

  relay(bus: Pick<EventBus, 'publish'>, options: Partial<EventRelayOptions> = {}): EventRelay {
    return new EventRelay({
      source: this.events,
      keys: new CustomerKeys(this.events),
      bus,
      checkpoints: {
        getCheckpoint: async (name) => this.checkpoints.get(name),
        saveCheckpoint: async (name, checkpoint) => void this.checkpoints.set(name, checkpoint),
      },
      topics: RELAY_TOPICS,
      retryDelayMs: 10,
      ...options,
    });
  }

  async close(): Promise<void> {
    await this.events.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
