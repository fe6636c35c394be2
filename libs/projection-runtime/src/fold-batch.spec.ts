import { type EventEnvelope, type ProjectionDefinition, upcast } from '@crm/domain';
import { customer360 } from '@crm/projections/customer-360';
import {
  complained,
  day,
  purchased,
  registered,
  replay,
  resolved,
  returned,
  stamp,
  tick,
} from '@crm/projections/customer-360/customer-360.fixtures';
import type { StoredDocument } from '@crm/read-store/read-store';
import { envelope } from '../test/support/envelope';
import { evolveBatch } from './evolve-batch';
import { routeBatch } from './route-batch';

interface Tally {
  readonly [key: string]: unknown;
  readonly customerId: string;
  readonly revisions: readonly number[];
  /** Derived from `revisions` by `finalize`. */
  readonly sum: number;
}

const PROJECTION = 'tally_v1';

/** A projection with `fold` whose `finalize` is counted, and refuses a document whose revisions sum to 13. */
function tally(): { definition: ProjectionDefinition<Tally>; finalized: () => number } {
  let finalized = 0;
  const step = (doc: Tally, event: EventEnvelope): Tally => {
    if (event.type === 'Poisoned') throw new Error(`cannot step ${event.id}`);
    return { ...doc, revisions: [...doc.revisions, event.revision] };
  };
  const finalize = (doc: Tally): Tally => {
    finalized++;
    const sum = doc.revisions.reduce((total, revision) => total + revision, 0);
    if (sum === 13) throw new Error('unlucky sum');
    return { ...doc, sum };
  };
  const definition: ProjectionDefinition<Tally> = {
    name: 'tally',
    version: 1,
    handles: ['CustomerRegistered', 'Purchased', 'Poisoned'],
    documentId: (event) => event.streamId.replace(/^customer-/, ''),
    initial: (customerId) => ({ customerId, revisions: [], sum: 0 }),
    evolve: (doc, event) => finalize(step(doc, event)),
    fold: { step, finalize },
  };
  return { definition, finalized: () => finalized };
}

function plan(
  definition: ProjectionDefinition<Tally>,
  events: EventEnvelope[],
  stored: StoredDocument[] = [],
) {
  const { routed } = routeBatch(definition, PROJECTION, events, 1);
  return evolveBatch({
    definition,
    projection: PROJECTION,
    routed,
    stored: new Map(stored.map((doc) => [doc.id, doc])),
    maxAttempts: 1,
  });
}

/** The same events through `evolve`, one by one: what the folded batch must equal. */
function evolvedOneByOne(definition: ProjectionDefinition<Tally>, events: EventEnvelope[]) {
  return plan({ ...definition, fold: undefined }, events);
}

const purchases = (stream: string, revisions: number[], firstPosition: number): EventEnvelope[] =>
  revisions.map((revision, i) => envelope(firstPosition + i, stream, 'Purchased', revision));

describe('a batch for a projection with fold', () => {
  describe('given several events for each of two documents', () => {
    const events = [...purchases('customer-a', [0, 1, 2], 1), ...purchases('customer-b', [0, 1], 4)];

    it('then each document is finalized once, not once per event', () => {
      const { definition, finalized } = tally();
      plan(definition, events);
      expect(finalized()).toBe(2);
    });

    it('then the documents, versions and count equal evolve applied event by event', () => {
      const { definition } = tally();
      const folded = plan(definition, events);
      expect(folded).toEqual(evolvedOneByOne(tally().definition, events));
      expect(folded.documents).toEqual([
        { id: 'a', version: 3, body: { customerId: 'a', revisions: [0, 1, 2], sum: 3 } },
        { id: 'b', version: 5, body: { customerId: 'b', revisions: [0, 1], sum: 1 } },
      ]);
      expect(folded.applied).toBe(5);
    });
  });

  describe('given a document stored at a later version than some of the events', () => {
    it('then those events are skipped, and a document with nothing new is not written', () => {
      const { definition, finalized } = tally();
      const stored = [
        { id: 'a', version: 2, body: { customerId: 'a', revisions: [0, 1], sum: 1 } },
        { id: 'b', version: 9, body: { customerId: 'b', revisions: [0], sum: 0 } },
      ];
      const folded = plan(
        definition,
        [...purchases('customer-a', [0, 1, 2], 1), envelope(4, 'customer-b', 'Purchased', 0)],
        stored,
      );
      expect(folded.documents).toEqual([
        { id: 'a', version: 3, body: { customerId: 'a', revisions: [0, 1, 2], sum: 3 } },
      ]);
      expect(folded.applied).toBe(1);
      expect(finalized()).toBe(1);
    });
  });

  describe('given an event that step keeps rejecting', () => {
    it('then it is dead-lettered and the document takes the other events', () => {
      const { definition } = tally();
      const folded = plan(definition, [
        envelope(1, 'customer-a', 'Purchased', 0),
        envelope(2, 'customer-a', 'Poisoned', 1),
        envelope(3, 'customer-a', 'Purchased', 2),
      ]);
      expect(folded.deadLetters.map((letter) => [letter.position, letter.error])).toEqual([
        [2, 'cannot step e2'],
      ]);
      expect(folded.documents).toEqual([
        { id: 'a', version: 3, body: { customerId: 'a', revisions: [0, 2], sum: 2 } },
      ]);
    });
  });

  describe('given events after which finalize fails', () => {
    // Revisions 6 and 7 sum to 13: finalize refuses the document the batch's events lead to.
    const events = [...purchases('customer-a', [6, 7], 1), envelope(3, 'customer-b', 'Purchased', 0)];

    it('then the document is applied again event by event, dead-lettering the event that fails', () => {
      const { definition } = tally();
      const folded = plan(definition, events);
      expect(folded.deadLetters.map((letter) => [letter.position, letter.error])).toEqual([
        [2, 'unlucky sum'],
      ]);
      expect(folded.documents).toEqual([
        { id: 'a', version: 1, body: { customerId: 'a', revisions: [6], sum: 6 } },
        { id: 'b', version: 3, body: { customerId: 'b', revisions: [0], sum: 0 } },
      ]);
      expect(folded).toEqual(evolvedOneByOne(tally().definition, events));
    });
  });
});

describe('customer-360 in one batch', () => {
  it('equals its events applied with evolve one by one: churn and CLV derived once, from the whole document', () => {
    const history = stamp([
      registered(day(0)),
      purchased('p1', 120_000, day(3)),
      purchased('p2', 80_000, day(40)),
      complained('k1', day(41)),
      purchased('p0', 50_000, day(1)),
      returned('r1', 'p2', 30_000, day(45)),
      resolved('k1', day(46)),
      purchased('p3', 60_000, day(200)),
      tick(day(400)),
    ]).map(upcast);
    const { routed } = routeBatch(customer360, 'customer_360_v3', history, 1);

    const folded = evolveBatch({
      definition: customer360,
      projection: 'customer_360_v3',
      routed,
      stored: new Map(),
      maxAttempts: 1,
    });

    expect(folded.documents).toEqual([
      { id: 'c-1001', version: history[history.length - 1].position, body: replay(history) },
    ]);
    expect(folded.applied).toBe(history.length);
  });
});
