import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@crm/domain';
import type { EventStoreFactory } from './contract-fixtures';
import { expectEnds, newEvent, newEvents, takeMatching, uniqueStreamId, useStore } from './contract-fixtures';

/** A type no other test (or writer on a shared server) uses. */
const uniqueType = (label: string): string => `Contract${label}_${randomUUID().replace(/-/g, '')}`;

/** Resolves with the first progress report at or past `position` (a filtered subscription's `onProgress`). */
function progressWatch(): {
  readonly onProgress: (position: number) => Promise<void>;
  readonly reported: number[];
  reach(position: number): Promise<number>;
} {
  const reported: number[] = [];
  const waiting: { position: number; resolve: (reached: number) => void }[] = [];
  return {
    reported,
    onProgress: async (position) => {
      reported.push(position);
      for (const waiter of waiting.splice(0)) {
        if (position >= waiter.position) waiter.resolve(position);
        else waiting.push(waiter);
      }
    },
    reach: (position) => {
      const reached = reported.find((reported) => reported >= position);
      if (reached !== undefined) return Promise.resolve(reached);
      return new Promise((resolve) => waiting.push({ position, resolve }));
    },
  };
}

export function describeSubscriptionContract(factory: EventStoreFactory): void {
  describe('subscribeToAll', () => {
    const store = useStore(factory);

    it('catches up on history, then tails new appends, and close() ends the iteration', async () => {
      const streamId = uniqueStreamId('subscription');
      const isOurs = (event: { streamId: string }) => event.streamId === streamId;
      const before = await store().headPosition();
      const history = await store().append(streamId, newEvents(3), 'no_stream');
      const subscription = store().subscribeToAll({ after: before });
      const iterator = subscription[Symbol.asyncIterator]();

      const caughtUp = await takeMatching(iterator, 3, isOurs);
      const pending = takeMatching(iterator, 2, isOurs);
      const live = await store().append(streamId, newEvents(2), 2);
      const tailed = await pending;

      expect(caughtUp.map((event) => event.position)).toEqual(history.positions);
      expect(tailed.map((event) => event.position)).toEqual(live.positions);
      expect(tailed.map((event) => event.revision)).toEqual([3, 4]);
      const idle = iterator.next();
      await subscription.close();
      await expectEnds(iterator, idle);
    });

    it('starts strictly after the given position', async () => {
      const streamId = uniqueStreamId('subscription-after');
      const { positions } = await store().append(streamId, newEvents(3), 'no_stream');
      const subscription = store().subscribeToAll({ after: positions[0] });
      const iterator = subscription[Symbol.asyncIterator]();

      const events = await takeMatching(iterator, 2, (event) => event.streamId === streamId);

      expect(events.map((event) => event.position)).toEqual(positions.slice(1));
      await subscription.close();
      await expectEnds(iterator);
    });

    it('delivers only the types asked for, in position order, past runs of other types, progress between', async () => {
      const streamId = uniqueStreamId('subscription-types');
      const wanted = ['ContractFiled', 'ContractSigned'];
      const ofType = (type: string) => newEvent({ type });
      const isOurs = (event: EventEnvelope) => {
        expect(wanted).toContain(event.type);
        return event.streamId === streamId;
      };
      const before = await store().headPosition();
      const history = await store().append(
        streamId,
        [
          ofType('ContractChecked'),
          ofType('ContractFiled'),
          ...Array.from({ length: 30 }, () => ofType('ContractChecked')),
          ofType('ContractSigned'),
          ofType('ContractFiled'),
        ],
        'no_stream',
      );
      const progress: number[] = [];
      const delivered: number[] = [];
      const subscription = store().subscribeToAll({
        after: before,
        types: wanted,
        onProgress: async (position) => {
          expect(position).toBeGreaterThanOrEqual(Math.max(before, ...delivered));
          progress.push(position);
        },
      });
      const iterator = subscription[Symbol.asyncIterator]();
      const taking = iterator.next.bind(iterator);
      iterator.next = async () => {
        const next = await taking();
        if (!next.done) {
          expect(next.value.position).toBeGreaterThan(Math.max(before, ...progress));
          delivered.push(next.value.position);
        }
        return next;
      };

      const caughtUp = await takeMatching(iterator, 3, isOurs);
      const pending = takeMatching(iterator, 1, isOurs);
      const live = await store().append(streamId, [ofType('ContractChecked'), ofType('ContractSigned')], 33);
      const tailed = await pending;

      expect(caughtUp.map((event) => event.type)).toEqual([
        'ContractFiled',
        'ContractSigned',
        'ContractFiled',
      ]);
      expect(caughtUp.map((event) => event.position)).toEqual([
        history.positions[1],
        history.positions[32],
        history.positions[33],
      ]);
      expect(tailed.map((event) => event.position)).toEqual([live.positions[1]]);
      await subscription.close();
      await expectEnds(iterator);
    });

    it('filters by type from the very start of the log, past whatever the log begins with', async () => {
      const streamId = uniqueStreamId('from-start');
      const type = uniqueType('FromStart');
      const progress = progressWatch();
      const subscription = store().subscribeToAll({
        after: 0,
        types: [type],
        onProgress: progress.onProgress,
      });
      const iterator = subscription[Symbol.asyncIterator]();
      const pending = iterator.next();

      await store().append(streamId, [newEvent(), newEvent({ type }), newEvent()], 'no_stream');
      const delivered = await pending;

      expect(delivered.value).toMatchObject({ type, streamId, revision: 1 });
      for (const position of progress.reported) expect(position).toBeGreaterThan(0);
      await subscription.close();
      await expectEnds(iterator);
    });

    it('resubscribes from a position it reported as progress, and goes on after it', async () => {
      const streamId = uniqueStreamId('resubscribe');
      const type = uniqueType('Resubscribed');
      const before = await store().headPosition();
      const first = await store().append(
        streamId,
        [newEvent({ type }), ...Array.from({ length: 100 }, () => newEvent())],
        'no_stream',
      );
      const progress = progressWatch();
      const subscription = store().subscribeToAll({
        after: before,
        types: [type],
        onProgress: progress.onProgress,
      });
      const iterator = subscription[Symbol.asyncIterator]();
      const [marked] = await takeMatching(iterator, 1, (event) => event.streamId === streamId);
      const idle = iterator.next();
      const reported = await progress.reach(first.positions[0]);
      await subscription.close();
      await expectEnds(iterator, idle);

      const later = await store().append(streamId, [newEvent(), newEvent({ type })], 100);
      const resumed = store().subscribeToAll({
        after: reported,
        types: [type],
        onProgress: async () => undefined,
      });
      const resumedIterator = resumed[Symbol.asyncIterator]();
      const [next] = await takeMatching(resumedIterator, 1, (event) => event.streamId === streamId);

      expect(marked.position).toBe(first.positions[0]);
      expect(reported).toBeGreaterThanOrEqual(marked.position);
      expect(next.position).toBe(later.positions[1]);
      await resumed.close();
      await expectEnds(resumedIterator);
    });

    it('serves several subscribers the same events', async () => {
      const streamId = uniqueStreamId('subscribers');
      const isOurs = (event: { streamId: string }) => event.streamId === streamId;
      const before = await store().headPosition();
      const subscriptions = [
        store().subscribeToAll({ after: before }),
        store().subscribeToAll({ after: before }),
      ];
      const iterators = subscriptions.map((subscription) => subscription[Symbol.asyncIterator]());
      const received = Promise.all(iterators.map((iterator) => takeMatching(iterator, 4, isOurs)));

      await store().append(streamId, newEvents(2), 'no_stream');
      await store().append(streamId, newEvents(2), 1);

      const [first, second] = await received;
      expect(first.map((event) => event.revision)).toEqual([0, 1, 2, 3]);
      expect(second).toEqual(first);
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      await Promise.all(iterators.map((iterator) => expectEnds(iterator)));
    });

    it('ends a for-await loop when closed from inside it', async () => {
      const streamId = uniqueStreamId('for-await');
      const before = await store().headPosition();
      await store().append(streamId, newEvents(2), 'no_stream');
      const subscription = store().subscribeToAll({ after: before });
      const seen: number[] = [];

      for await (const event of subscription) {
        if (event.streamId !== streamId) continue;
        seen.push(event.revision);
        if (seen.length === 2) await subscription.close();
      }

      expect(seen).toEqual([0, 1]);
    });
  });
}
