import { InvalidInputError } from './domain-error';
import type { EventMetadata } from './envelope';
import { eventId } from './event-id';
import { stampEvents } from './stamp-events';

const metadata: EventMetadata = {
  actor: { id: 'svc-shop', kind: 'service', roles: ['service'] },
  commandId: 'cmd-9',
  correlationId: 'corr-1',
  causationId: 'cmd-9',
  source: 'shop',
};

describe('stampEvents', () => {
  it('gives each decided event its deterministic id, schema version, time and metadata', () => {
    const stamped = stampEvents(
      [
        { type: 'A', data: { n: 1 } },
        { type: 'B', data: { n: 2 } },
      ],
      { metadata, occurredAt: '2026-01-01T00:00:00Z', schemaVersions: { A: 1, B: 3 } },
    );
    expect(stamped).toEqual([
      {
        id: eventId('cmd-9', 0),
        type: 'A',
        data: { n: 1 },
        schemaVersion: 1,
        occurredAt: '2026-01-01T00:00:00Z',
        metadata,
      },
      {
        id: eventId('cmd-9', 1),
        type: 'B',
        data: { n: 2 },
        schemaVersion: 3,
        occurredAt: '2026-01-01T00:00:00Z',
        metadata,
      },
    ]);
  });

  it('refuses an event type without a schema version', () => {
    expect(() =>
      stampEvents([{ type: 'Unknown', data: {} }], {
        metadata,
        occurredAt: '2026-01-01T00:00:00Z',
        schemaVersions: {},
      }),
    ).toThrow(InvalidInputError);
  });
});
