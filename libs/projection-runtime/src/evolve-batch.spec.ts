import type { StoredDocument } from '@crm/read-store/read-store';
import { type CustomerActivity, customerActivity } from '../test/support/customer-activity.projection';
import { envelope } from '../test/support/envelope';
import type { DocumentChain } from './document-chain';
import { evolveBatch } from './evolve-batch';
import { routeBatch } from './route-batch';

const PROJECTION = 'customer_activity_v1';

function plan(events: ReturnType<typeof envelope>[], stored: StoredDocument[] = [], maxAttempts = 3) {
  const { routed, deadLetters } = routeBatch(customerActivity, PROJECTION, events, maxAttempts);
  const evolved = evolveBatch({
    definition: customerActivity,
    projection: PROJECTION,
    routed,
    stored: new Map(stored.map((doc) => [doc.id, doc])),
    maxAttempts,
  });
  return { routed, deadLetters: [...deadLetters, ...evolved.deadLetters], evolved };
}

describe('planning a batch', () => {
  it('routes only handled events, keeping global order', () => {
    const { routed } = plan([
      envelope(1, 'customer-a', 'CustomerRegistered'),
      envelope(2, 'customer-b', 'CampaignOpened'),
      envelope(3, 'customer-b', 'Purchased'),
    ]);

    expect(routed.map((entry) => [entry.event.position, entry.documentId])).toEqual([
      [1, 'a'],
      [3, 'b'],
    ]);
  });

  it('versions each new document by the last event applied to it', () => {
    const { evolved } = plan([
      envelope(1, 'customer-a', 'CustomerRegistered', 0),
      envelope(2, 'customer-b', 'CustomerRegistered', 0),
      envelope(3, 'customer-a', 'Purchased', 1),
    ]);

    expect(evolved.documents).toEqual([
      { id: 'a', version: 3, body: { customerId: 'a', events: 2, revisions: [0, 1], lastType: 'Purchased' } },
      {
        id: 'b',
        version: 2,
        body: { customerId: 'b', events: 1, revisions: [0], lastType: 'CustomerRegistered' },
      },
    ]);
    expect(evolved.applied).toBe(3);
  });

  it('skips events at or below the stored version and leaves an unchanged document unwritten', () => {
    const stored = {
      id: 'a',
      version: 2,
      body: { customerId: 'a', events: 2, revisions: [0, 1], lastType: 'Purchased' },
    };

    const { evolved } = plan(
      [
        envelope(1, 'customer-a', 'CustomerRegistered', 0),
        envelope(2, 'customer-a', 'Purchased', 1),
        envelope(3, 'customer-b', 'CustomerRegistered', 0),
      ],
      [stored],
    );

    expect(evolved.documents.map((doc) => doc.id)).toEqual(['b']);
    expect(evolved.applied).toBe(1);
  });

  it('dead-letters an event evolve keeps rejecting, after the configured attempts, and applies the rest', () => {
    const { deadLetters, evolved } = plan(
      [
        envelope(1, 'customer-a', 'CustomerRegistered', 0),
        envelope(2, 'customer-a', 'Poisoned', 1),
        envelope(3, 'customer-a', 'Purchased', 2),
      ],
      [],
      5,
    );

    expect(deadLetters).toEqual([
      {
        projection: PROJECTION,
        eventId: 'e2',
        type: 'Poisoned',
        streamId: 'customer-a',
        revision: 1,
        position: 2,
        error: 'cannot apply e2',
        attempts: 5,
      },
    ]);
    expect(evolved.documents[0]).toMatchObject({ version: 3, body: { revisions: [0, 2] } });
  });

  it('dead-letters an event whose document id cannot be found', () => {
    const definition = {
      ...customerActivity,
      documentId: () => {
        throw new Error('no customer');
      },
    };

    const { routed, deadLetters } = routeBatch(
      definition,
      PROJECTION,
      [envelope(1, 'x', 'CustomerRegistered')],
      2,
    );

    expect(routed).toEqual([]);
    expect(deadLetters).toMatchObject([{ eventId: 'e1', error: 'no customer', attempts: 2 }]);
  });

  describe('with a chain', () => {
    type Linked = CustomerActivity & { readonly previous: string | null };
    const chain: DocumentChain<CustomerActivity> = {
      link: (previous, next) => ({
        ...next,
        previous: previous === undefined ? null : String(previous.customerId),
      }),
    };
    const chained = (events: ReturnType<typeof envelope>[], stored: StoredDocument[], headId?: string) => {
      const { routed } = routeBatch(customerActivity, PROJECTION, events, 3);
      return evolveBatch({
        definition: customerActivity,
        projection: PROJECTION,
        routed,
        stored: new Map(stored.map((doc) => [doc.id, doc])),
        maxAttempts: 3,
        chain: { step: chain, headId },
      });
    };

    it('links each applied document to the one applied before it, starting from the stored head', () => {
      const head = { id: 'h', version: 1, body: { customerId: 'h' } };

      const evolved = chained(
        [envelope(2, 'customer-a', 'CustomerRegistered'), envelope(3, 'customer-b', 'CustomerRegistered')],
        [head],
        'h',
      );

      expect(evolved.documents.map((doc) => (doc.body as Linked).previous)).toEqual(['h', 'a']);
      expect(evolved.chainHead).toEqual({ id: 'b', position: 3 });
    });

    it('links past a document applied before a crash, and moves the head over it', () => {
      const replayed = { id: 'a', version: 2, body: { customerId: 'a', previous: 'h' } };

      const evolved = chained(
        [envelope(2, 'customer-a', 'CustomerRegistered'), envelope(3, 'customer-b', 'CustomerRegistered')],
        [replayed],
        'h',
      );

      expect(evolved.documents).toMatchObject([{ id: 'b', body: { previous: 'a' } }]);
      expect(evolved.chainHead).toEqual({ id: 'b', position: 3 });
    });
  });
});
