import type { EventEnvelope } from '../envelope';
import { createDefaultUpcasters, upcast } from './default-upcasters';
import { createUpcasterRegistry } from './upcaster-registry';

const envelope = (type: string, schemaVersion: number, data: unknown): EventEnvelope => ({
  id: '00000000-0000-5000-8000-000000000000',
  type,
  schemaVersion,
  data,
  occurredAt: '2024-05-01T10:00:00Z',
  recordedAt: '2024-05-01T10:00:01Z',
  streamId: 'customer-c1',
  revision: 3,
  position: 17,
  metadata: {
    actor: { id: 'svc', kind: 'service', roles: [] },
    commandId: 'cmd',
    correlationId: 'cmd',
    causationId: 'cmd',
    source: 'legacy',
  },
});

describe('upcasting', () => {
  describe('Purchased v1', () => {
    const stored = envelope('Purchased', 1, { purchaseId: 'p1', amount: 125_050, channel: 'store' });
    const storedCopy = structuredClone(stored);

    it('reads as v2 with the kuruş amount as TRY money', () => {
      const upcast = createDefaultUpcasters().upcast(stored);
      expect(upcast.schemaVersion).toBe(2);
      expect(upcast.data).toEqual({
        purchaseId: 'p1',
        amount: { amount: 125_050, currency: 'TRY' },
        channel: 'store',
      });
    });

    it('keeps the envelope identity and position', () => {
      const upcast = createDefaultUpcasters().upcast(stored);
      expect({ ...upcast, data: undefined, schemaVersion: undefined }).toEqual({
        ...stored,
        data: undefined,
        schemaVersion: undefined,
      });
    });

    it('leaves the stored event untouched', () => {
      createDefaultUpcasters().upcast(stored);
      expect(stored).toEqual(storedCopy);
    });
  });

  it('passes a Purchased v2 through unchanged', () => {
    const v2 = envelope('Purchased', 2, { purchaseId: 'p1', amount: { amount: 1, currency: 'EUR' } });
    expect(createDefaultUpcasters().upcast(v2)).toEqual(v2);
  });

  it('passes event types without upcasters through unchanged', () => {
    const event = envelope('NpsAnswered', 1, { surveyId: 's', score: 9 });
    expect(createDefaultUpcasters().upcast(event)).toBe(event);
  });

  it('applies a chain of upcasters in order up to the newest version', () => {
    const registry = createUpcasterRegistry()
      .register('Thing', 1, (data) => ({ ...(data as object), b: 2 }))
      .register('Thing', 2, (data) => ({ ...(data as object), c: 3 }));
    const upcast = registry.upcast(envelope('Thing', 1, { a: 1 }));
    expect(upcast.schemaVersion).toBe(3);
    expect(upcast.data).toEqual({ a: 1, b: 2, c: 3 });
    expect(registry.upcast(envelope('Thing', 2, { a: 1 })).data).toEqual({ a: 1, c: 3 });
  });

  it('refuses two upcasters for the same type and version', () => {
    const registry = createUpcasterRegistry().register('Thing', 1, (data) => data);
    expect(() => registry.register('Thing', 1, (data) => data)).toThrow('already registered');
  });

  it('refuses a version that is not a positive integer', () => {
    expect(() => createUpcasterRegistry().register('Thing', 0, (data) => data)).toThrow('positive integer');
  });
});

describe('upcast, the domain’s default reader', () => {
  it('reads a stored Purchased v1 as v2', () => {
    const stored = envelope('Purchased', 1, { purchaseId: 'p1', amount: 500 });
    expect(upcast(stored)).toMatchObject({
      schemaVersion: 2,
      data: { amount: { amount: 500, currency: 'TRY' } },
    });
  });
});
