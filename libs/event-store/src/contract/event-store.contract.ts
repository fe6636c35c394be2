import { describeAppendContract } from './append.contract';
import { describeConcurrencyContract } from './concurrency.contract';
import type { EventStoreFactory } from './contract-fixtures';
import { describeReadContract } from './read.contract';
import { describeNoReadEventById, describeReadEventByIdContract } from './read-event-by-id.contract';
import { describeSubscriptionContract } from './subscription.contract';

export type { EventStoreFactory, OpenedEventStore } from './contract-fixtures';

/** Which optional methods of the port the adapter has: the suite holds it to those too. */
export interface EventStoreCapabilities {
  /** `readEventById`: a lookup by event id (SQLite has one; EventStoreDB does not). */
  readonly readsEventById?: boolean;
  /** Finds a retried append by its ids whatever revision it expects (SQLite: ids are UNIQUE). */
  readonly findsRetriesAtAnyRevision?: boolean;
}

/**
 * What every EventStore adapter must do (DESIGN §8), written only against the port. Each describe block
 * opens its own store from `factory`; tests use fresh stream names and never assume an empty log, so the
 * suite can run against a shared server.
 */
export function describeEventStoreContract(
  adapterName: string,
  factory: EventStoreFactory,
  capabilities: EventStoreCapabilities = {},
): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    describeAppendContract(factory, capabilities);
    describeReadContract(factory);
    if (capabilities.readsEventById) describeReadEventByIdContract(factory);
    else describeNoReadEventById(factory);
    describeSubscriptionContract(factory);
    describeConcurrencyContract(factory);
  });
}
