import type { EventEnvelope } from '@crm/domain';
import { type LogPage, PollingSubscription } from './polling-subscription';

/** A log in memory: the subscription reads it through `readAfter`, which notes the size of each page it found. */
function logOf(): { append(): void; readAfter(after: number): LogPage; pages: number[] } {
  const events: EventEnvelope[] = [];
  const log = {
    pages: [] as number[],
    append: () => void events.push({ position: events.length + 1 } as EventEnvelope),
    readAfter: (after: number): LogPage => {
      const found = events.slice(after);
      if (found.length > 0) log.pages.push(found.length);
      return { events: found, through: found.at(-1)?.position ?? after, atHead: true };
    },
  };
  return log;
}

describe('PollingSubscription', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function tail(wakeIntervalMs: number) {
    const log = logOf();
    const subscription = new PollingSubscription(
      (after) => log.readAfter(after),
      0,
      { pollIntervalMs: 60_000, wakeIntervalMs },
      () => undefined,
    );
    const iterator = subscription[Symbol.asyncIterator]();
    const received: number[] = [];
    const taking = (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        received.push(next.value.position);
      }
    })();
    await jest.advanceTimersByTimeAsync(0);
    return { log, subscription, received, taking };
  }

  it.each([
    ['wakeIntervalMs is 0', 0, 0],
    ['the last read is older than wakeIntervalMs', 50, 1_000],
  ])('reads at once when a commit wakes it and %s', async (_, wakeIntervalMs, quietMs) => {
    const { log, subscription, received, taking } = await tail(wakeIntervalMs);
    await jest.advanceTimersByTimeAsync(quietMs);

    log.append();
    subscription.wake();
    await jest.advanceTimersByTimeAsync(0);

    expect(received).toEqual([1]);
    await subscription.close();
    await taking;
  });

  it('reads once per wakeIntervalMs however many commits wake it, taking them all in one page', async () => {
    const { log, subscription, received, taking } = await tail(50);

    for (let i = 0; i < 5; i++) {
      log.append();
      subscription.wake();
      await jest.advanceTimersByTimeAsync(5);
    }
    expect(received).toEqual([]);
    await jest.advanceTimersByTimeAsync(25);

    expect(received).toEqual([1, 2, 3, 4, 5]);
    expect(log.pages).toEqual([5]);
    await subscription.close();
    await taking;
  });

  it('ends at once when closed while it waits out the interval', async () => {
    const { log, subscription, received, taking } = await tail(60_000);
    log.append();
    subscription.wake();

    await subscription.close();
    await taking;

    expect(received).toEqual([]);
  });
});
