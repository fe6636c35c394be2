import type { EventStore } from '../../src/event-store';

/** The port's required methods as own properties, so that a spec can show a store without an optional one. */
export const requiredMethodsOf = (store: EventStore): EventStore => ({
  append: (streamId, events, expected) => store.append(streamId, events, expected),
  readStream: (streamId, options) => store.readStream(streamId, options),
  readAll: (options) => store.readAll(options),
  subscribeToAll: (options) => store.subscribeToAll(options),
  headPosition: () => store.headPosition(),
  close: () => store.close(),
});
