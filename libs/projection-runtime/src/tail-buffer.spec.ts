import type { EventEnvelope } from '@crm/domain';
import { envelope } from '../test/support/envelope';
import type { EventFeed } from './event-source';
import { TailBuffer } from './tail-buffer';

function feedOf(events: readonly EventEnvelope[], failure?: Error): EventFeed & { closed: boolean } {
  const feed = {
    closed: false,
    async close() {
      feed.closed = true;
    },
    async *[Symbol.asyncIterator]() {
      for (const event of events) yield event;
      if (failure) throw failure;
      while (!feed.closed) await new Promise((resolve) => setTimeout(resolve, 1));
    },
  };
  return feed;
}

const positions = (events: readonly EventEnvelope[]) => events.map((event) => event.position);

describe('TailBuffer', () => {
  it('hands over what has arrived, up to the batch size', async () => {
    const buffer = new TailBuffer(feedOf([1, 2, 3, 4, 5].map((p) => envelope(p, 's', 'T'))), 100);
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect(positions(await buffer.take(3))).toEqual([1, 2, 3]);
    expect(positions(await buffer.take(3))).toEqual([4, 5]);
    await buffer.close();
  });

  it('reads no further ahead than its capacity', async () => {
    const buffer = new TailBuffer(feedOf([1, 2, 3, 4, 5].map((p) => envelope(p, 's', 'T'))), 2);
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect(positions(await buffer.take(10))).toEqual([1, 2]);
    await buffer.close();
  });

  it('gives an empty batch to a waiting taker once closed, and closes the feed', async () => {
    const feed = feedOf([]);
    const buffer = new TailBuffer(feed, 10);
    const waiting = buffer.take(10);

    await buffer.close();

    expect(await waiting).toEqual([]);
    expect(feed.closed).toBe(true);
  });

  it('passes on a failure of the feed', async () => {
    const buffer = new TailBuffer(feedOf([], new Error('disk gone')), 10);

    await expect(buffer.take(10)).rejects.toThrow('disk gone');
  });
});
