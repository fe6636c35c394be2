import type { EventEnvelope } from '@crm/domain';
import { envelope } from '../test/support/envelope';
import { seedActivity } from '../test/support/events';
import { useSqliteWorkspace } from '../test/support/sqlite-workspace';
import type { EventFeed, EventSource } from './event-source';
import { SharedLogFeed } from './shared-log-feed';

interface Reads {
  subscriptions: number;
  closedSubscriptions: number;
  /** Events the source's subscriptions yielded, all subscriptions together. */
  tailed: number;
  readAll: number;
}

/** The source as is, counting what is asked of it. */
function counting(source: EventSource): { source: EventSource; reads: Reads } {
  const reads: Reads = { subscriptions: 0, closedSubscriptions: 0, tailed: 0, readAll: 0 };
  const counted: EventSource = {
    readAll: (options) => {
      reads.readAll++;
      return source.readAll(options);
    },
    headPosition: () => source.headPosition(),
    subscribeToAll: (options) => {
      reads.subscriptions++;
      const feed = source.subscribeToAll(options);
      return {
        close: async () => {
          reads.closedSubscriptions++;
          await feed.close();
        },
        async *[Symbol.asyncIterator]() {
          for await (const event of feed) {
            reads.tailed++;
            yield event;
          }
        },
      };
    },
  };
  return { source: counted, reads };
}

/** The next `count` events' positions. */
async function positions(events: AsyncIterator<EventEnvelope>, count: number): Promise<number[]> {
  const taken: number[] = [];
  while (taken.length < count) {
    const next = await events.next();
    if (next.done === true) throw new Error(`the feed ended after ${taken.length} events`);
    taken.push(next.value.position);
  }
  return taken;
}

const range = (after: number, to: number) => Array.from({ length: to - after }, (_, i) => after + 1 + i);

const iterate = (feed: EventFeed) => feed[Symbol.asyncIterator]();

describe('SharedLogFeed', () => {
  const workspace = useSqliteWorkspace('crm-shared-log-feed');

  it('reads each new event from the log once, however many subscribers tail it', async () => {
    await seedActivity(workspace.events, 10, 2);
    const { source, reads } = counting(workspace.events);
    const shared = new SharedLogFeed(source);
    const feeds = Array.from({ length: 5 }, () => shared.subscribeToAll({ after: 10 }));

    const received = Promise.all(feeds.map((feed) => positions(iterate(feed), 120)));
    await seedActivity(workspace.events, 120, 7, 40, 'late');

    expect(await received).toEqual(feeds.map(() => range(10, 130)));
    expect(reads).toMatchObject({ subscriptions: 1, tailed: 120, readAll: 0 });
    await Promise.all(feeds.map((feed) => feed.close()));
  });

  it('gives subscribers at different positions exactly the events after their own, in order', async () => {
    await seedActivity(workspace.events, 60, 3);
    const shared = new SharedLogFeed(workspace.events, { catchUpPageSize: 7 });
    const early = [45, 58].map((after) => ({ after, feed: shared.subscribeToAll({ after }) }));
    const earlyIterators = early.map(({ feed }) => iterate(feed));
    const firstSeen = await Promise.all(earlyIterators.map((events) => positions(events, 1)));
    const late = [0, 59, 60, 100].map((after) => ({ after, feed: shared.subscribeToAll({ after }) }));
    const all = [...early, ...late];
    const iterators = [...earlyIterators, ...late.map(({ feed }) => iterate(feed))];

    const received = Promise.all(
      all.map(({ after }, i) => positions(iterators[i], 110 - after - (i < early.length ? 1 : 0))),
    );
    await seedActivity(workspace.events, 50, 5, 10, 'late');

    const delivered = await received;
    all.forEach(({ after }, i) =>
      expect([...(i < early.length ? firstSeen[i] : []), ...delivered[i]]).toEqual(range(after, 110)),
    );
    await Promise.all(all.map(({ feed }) => feed.close()));
  });

  it('detaches a subscriber that falls behind the bound, without holding the others back, and it still gets every event', async () => {
    await seedActivity(workspace.events, 5, 1);
    const { source, reads } = counting(workspace.events);
    const shared = new SharedLogFeed(source, { capacity: 20, catchUpPageSize: 15 });
    const fast = shared.subscribeToAll({ after: 5 });
    const slow = iterate(shared.subscribeToAll({ after: 5 }));
    const slowFirst = slow.next();

    const fastReceived = positions(iterate(fast), 200);
    await seedActivity(workspace.events, 200, 4, 25, 'late');

    expect(await fastReceived).toEqual(range(5, 205));
    expect(reads.readAll).toBe(0);
    expect([(await slowFirst).value?.position, ...(await positions(slow, 199))]).toEqual(range(5, 205));
    expect(reads.readAll).toBeGreaterThan(0);
    expect(reads).toMatchObject({ subscriptions: 1, tailed: 200 });
    await fast.close();
    await slow.return?.();
  });

  it('ends a closed feed’s iteration, and stops the log’s subscription with the last one', async () => {
    await seedActivity(workspace.events, 3, 1);
    const { source, reads } = counting(workspace.events);
    const shared = new SharedLogFeed(source);
    const [first, second] = [shared.subscribeToAll({ after: 3 }), shared.subscribeToAll({ after: 3 })];
    const waiting = iterate(first).next();
    const secondEvents = iterate(second);
    const secondWaiting = secondEvents.next();

    await first.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(reads.closedSubscriptions).toBe(0);
    await seedActivity(workspace.events, 1, 1, 1, 'late');
    expect((await secondWaiting).value?.position).toBe(4);

    await second.close();
    expect(await secondEvents.next()).toEqual({ done: true, value: undefined });
    expect(reads.closedSubscriptions).toBe(1);

    const again = shared.subscribeToAll({ after: 2 });
    expect(await positions(iterate(again), 2)).toEqual([3, 4]);
    expect(reads.subscriptions).toBe(2);
    await again.close();
  });

  it('passes a failure of the log’s subscription to every subscriber, and opens a new one afterwards', async () => {
    const failing = new FailingSource([envelope(1, 'customer-c1', 'Purchased')], new Error('disk gone'));
    const shared = new SharedLogFeed(failing);
    const feeds = [shared.subscribeToAll({ after: 0 }), shared.subscribeToAll({ after: 0 })];

    for (const feed of feeds) {
      const events = iterate(feed);
      expect((await events.next()).value?.position).toBe(1);
      await expect(events.next()).rejects.toThrow('disk gone');
    }
    const retried = iterate(shared.subscribeToAll({ after: 0 }));
    expect((await retried.next()).value?.position).toBe(1);
    expect(failing.subscriptions).toBe(2);
    await retried.return?.();
  });
});

/** A log of fixed events whose every subscription fails after yielding them. */
class FailingSource implements EventSource {
  subscriptions = 0;

  constructor(
    private readonly events: readonly EventEnvelope[],
    private readonly failure: Error,
  ) {}

  async readAll(options: { readonly after: number; readonly limit: number }): Promise<EventEnvelope[]> {
    return this.events.filter((event) => event.position > options.after).slice(0, options.limit);
  }

  async headPosition(): Promise<number> {
    return this.events.length;
  }

  subscribeToAll(options: { readonly after: number }): EventFeed {
    this.subscriptions++;
    const { events, failure } = this;
    return {
      close: async () => undefined,
      async *[Symbol.asyncIterator]() {
        yield* events.filter((event) => event.position > options.after);
        throw failure;
      },
    };
  }
}
