import { EVENT_HEADERS } from '@crm/messaging';
import type { EventFeed } from '@crm/projection-runtime';
import { eventually } from '../../../libs/messaging/src/contract/contract-fixtures';
import { RELAY_TOPICS, RelayFixture } from '../test/support/relay-fixture';
import { SizeLimitedBus } from '../test/support/size-limited-bus';

const { customerEvents, orderedEvents } = RELAY_TOPICS;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, n) => from + n);

describe('the relay', () => {
  let f: RelayFixture;

  beforeEach(() => {
    f = new RelayFixture();
  });

  afterEach(() => f.close());

  describe('batches capped in bytes', () => {
    it('never publishes more than maxBatchBytes at once, and publishes every event in order', async () => {
      await f.append(...Array.from({ length: 20 }, () => 5_000));
      const bus = new SizeLimitedBus(Number.MAX_SAFE_INTEGER);

      await f.relay(bus, { maxBatchBytes: 16_000 }).runUntil(20);

      // About 5.56 kB a message: two fit under 16 kB, three (16.7 kB) do not, so 10 publishes on each topic.
      expect(bus.publishedBytes).toHaveLength(20);
      expect(Math.max(...bus.publishedBytes)).toBeLessThanOrEqual(16_000);
      expect(bus.positions(customerEvents)).toEqual(range(1, 20));
      expect(bus.positions(orderedEvents)).toEqual(range(1, 20));
    });

    it('halves a run the broker refuses as too large until it passes', async () => {
      await f.append(...Array.from({ length: 12 }, () => 3_000));
      const bus = new SizeLimitedBus(10_000);

      await f.relay(bus, { maxBatchBytes: 1_000_000 }).runUntil(12);

      expect(bus.refused).toBeGreaterThan(0);
      expect(bus.positions(customerEvents)).toEqual(range(1, 12));
      expect(bus.positions(orderedEvents)).toEqual(range(1, 12));
      expect(f.checkpoints.get('relay:crm.customer-events')?.position).toBe(12);
    });

    it('sends an event too large even alone by reference, and goes on with the next ones', async () => {
      await f.append(1_000, 50_000, 1_000);
      const bus = new SizeLimitedBus(20_000);
      const oversized: number[] = [];

      await f.relay(bus, { onOversized: (event) => oversized.push(event.position) }).runUntil(3);

      expect(oversized).toEqual([2]);
      expect(bus.positions(orderedEvents)).toEqual([1, 2, 3]);
      const reference = bus.topics.get(orderedEvents)?.[1];
      expect(reference?.value).toBe('');
      expect(reference?.headers[EVENT_HEADERS.byReference]).toBe('true');
      expect(reference?.key).toBe(
        bus.topics.get(orderedEvents)?.[0].key === reference?.key ? reference?.key : 'c1',
      );
    });
  });

  it('subscribes again when its live feed ends while it runs, and reports the drop meanwhile', async () => {
    await f.append(100);
    const feeds: EventFeed[] = [];
    const subscribe = f.events.subscribeToAll.bind(f.events);
    f.events.subscribeToAll = (options) => {
      const feed = subscribe(options);
      feeds.push(feed);
      return feed;
    };
    const errors: unknown[] = [];
    const bus = new SizeLimitedBus(Number.MAX_SAFE_INTEGER);
    const relay = f.relay(bus, { onError: (error) => errors.push(error), retryDelayMs: 500 });
    relay.start();
    try {
      await eventually(() => bus.positions(orderedEvents).length === 1 && feeds.length === 1);

      await feeds[0].close();
      await eventually(() => errors.length === 1);
      expect((await relay.status()).lastError).toMatch(/feed ended/);
      await eventually(() => feeds.length === 2);
      await f.append(100, 100);

      await eventually(() => bus.positions(orderedEvents).length === 3);
      expect((await relay.status()).state).toBe('running');
      expect((await relay.status()).lastError).toBeUndefined();
    } finally {
      await relay.stop();
    }
  });
});
