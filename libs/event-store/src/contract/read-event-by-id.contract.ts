import { randomUUID } from 'node:crypto';
import type { EventStoreFactory } from './contract-fixtures';
import { newEvent, newEvents, uniqueStreamId, useStore } from './contract-fixtures';

/** For adapters that index event ids: `readEventById` finds any stored event, exactly as its stream reads it. */
export function describeReadEventByIdContract(factory: EventStoreFactory): void {
  describe('readEventById', () => {
    const store = useStore(factory);

    it('finds an event of any append, wherever it sits, as readStream gives it', async () => {
      const streamId = uniqueStreamId('by-id');
      await store().append(streamId, newEvents(2), 'no_stream');
      const middle = newEvent({ data: { name: 'Ayşe', tags: ['a', 'b'] } });
      await store().append(streamId, [newEvent(), middle, newEvent()], 1);

      const found = await store().readEventById!(middle.id);

      expect(found).toEqual((await store().readStream(streamId))[3]);
      expect(found).toMatchObject({ id: middle.id, streamId, revision: 3, data: middle.data });
    });

    it('finds an event in another stream than the one a caller may be working on', async () => {
      const [mine, theirs] = [uniqueStreamId('mine'), uniqueStreamId('theirs')];
      const event = newEvent();
      await store().append(mine, newEvents(1), 'no_stream');
      await store().append(theirs, [event], 'no_stream');

      expect(await store().readEventById!(event.id)).toMatchObject({ streamId: theirs, revision: 0 });
    });

    it('answers undefined for an id never stored', async () => {
      expect(await store().readEventById!(randomUUID())).toBeUndefined();
    });

    it('still finds the one original after a retried append was deduplicated', async () => {
      const streamId = uniqueStreamId('by-id-retry');
      const events = newEvents(2);
      const first = await store().append(streamId, events, 'no_stream');
      await store().append(streamId, events, 'no_stream');

      expect(await store().readEventById!(events[1].id)).toMatchObject({
        revision: 1,
        position: first.positions[1],
      });
    });
  });
}

/** For adapters without an event id index: the method is absent, so callers take the stream-reading path. */
export function describeNoReadEventById(factory: EventStoreFactory): void {
  describe('readEventById', () => {
    const store = useStore(factory);

    it('is left out, so that callers read streams instead', () => {
      expect(store().readEventById).toBeUndefined();
    });
  });
}
