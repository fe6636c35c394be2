import type { EventEnvelope } from '@crm/domain';
import { countEvents } from './count-events';

/** A log whose positions are byte offsets, as EventStoreDB's are: 173 bytes apart. */
function sparseLog(count: number): {
  readAll: (o: { after: number; limit: number }) => Promise<EventEnvelope[]>;
  reads: number[];
} {
  const events = Array.from({ length: count }, (_, i) => ({ position: 173 * (i + 1) }) as EventEnvelope);
  const reads: number[] = [];
  return {
    reads,
    readAll: async ({ after, limit }) => {
      reads.push(after);
      return events.filter((event) => event.position > after).slice(0, limit);
    },
  };
}

describe('countEvents', () => {
  it('counts the events between two positions, not the distance between them', async () => {
    const log = sparseLog(10);
    await expect(countEvents(log, 173, 173 * 4)).resolves.toEqual({ count: 3, capped: false });
    await expect(countEvents(log, 0, 173 * 10)).resolves.toEqual({ count: 10, capped: false });
    await expect(countEvents(log, 173 * 10, 173 * 20)).resolves.toEqual({ count: 0, capped: false });
  });

  it('stops at the cap and says so', async () => {
    const log = sparseLog(50);
    await expect(countEvents(log, 0, 173 * 50, 20)).resolves.toEqual({ count: 20, capped: true });
    await expect(countEvents(log, 0, 173 * 20, 20)).resolves.toEqual({ count: 20, capped: false });
  });

  it('reads nothing when there is nothing to count', async () => {
    const log = sparseLog(5);
    await expect(countEvents(log, 173 * 5, 173 * 5)).resolves.toEqual({ count: 0, capped: false });
    expect(log.reads).toEqual([]);
  });
});
