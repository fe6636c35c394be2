import type { EventEnvelope } from '@crm/domain';
import { CustomerKeys, type StreamReader } from './customer-keys';

const event = (streamId: string, revision: number, data: Record<string, unknown> = {}): EventEnvelope => ({
  id: `${streamId}:${revision}`,
  type: revision === 0 ? 'OpportunityOpened' : 'OpportunityStageAdvanced',
  schemaVersion: 1,
  streamId,
  revision,
  position: revision + 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  recordedAt: '2026-01-01T00:00:00.000Z',
  data,
  metadata: {
    actor: { id: 'svc', kind: 'service', roles: ['service'] },
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    source: 'spec',
  },
});

/** The log holding one opportunity of customer c-7, opened before the relay's checkpoint. */
function log(): StreamReader & { reads: number } {
  return {
    reads: 0,
    async readStream(streamId) {
      this.reads++;
      return streamId === 'opportunity-o1' ? [event('opportunity-o1', 0, { customerId: 'c-7' })] : [];
    },
  };
}

describe('the bus key of an event', () => {
  it('is the customer id in the name of a customer stream', async () => {
    expect(await new CustomerKeys(log()).keyOf(event('customer-c-3', 4))).toBe('c-3');
  });

  it('is the customer of an opportunity for every event of its stream, read once from the store', async () => {
    const store = log();
    const keys = new CustomerKeys(store);
    expect(await keys.keyOf(event('opportunity-o1', 2))).toBe('c-7');
    expect(await keys.keyOf(event('opportunity-o1', 3))).toBe('c-7');
    expect(store.reads).toBe(1);
  });

  it('takes the customer from an opening event without reading the store', async () => {
    const store = log();
    expect(await new CustomerKeys(store).keyOf(event('opportunity-o2', 0, { customerId: 'c-9' }))).toBe(
      'c-9',
    );
    expect(store.reads).toBe(0);
  });

  it('is the stream name when the stream names no customer', async () => {
    expect(await new CustomerKeys(log()).keyOf(event('access-shared', 5))).toBe('access-shared');
  });
});
