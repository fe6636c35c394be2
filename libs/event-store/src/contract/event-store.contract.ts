import { describeAppendContract } from './append.contract';
import { describeConcurrencyContract } from './concurrency.contract';
import type { EventStoreFactory } from './contract-fixtures';
import { describeReadContract } from './read.contract';
import { describeSubscriptionContract } from './subscription.contract';

export type { EventStoreFactory, OpenedEventStore } from './contract-fixtures';

/**
 * What every EventStore adapter must do (DESIGN §8), written only against the port. Each describe block
 * opens its own store from `factory`; tests use fresh stream names and never assume an empty log, so the
 * suite can run against a shared server.
 */
export function describeEventStoreContract(adapterName: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    describeAppendContract(factory);
    describeReadContract(factory);
    describeSubscriptionContract(factory);
    describeConcurrencyContract(factory);
  });
}
