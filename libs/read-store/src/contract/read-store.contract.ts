import { describeAliasesContract } from './aliases.contract';
import type { ReadStoreFactory } from './contract-fixtures';
import { describeDocumentsContract } from './documents.contract';
import { describeQueryContract } from './query.contract';

export type { OpenedReadStore, ReadStoreFactory } from './contract-fixtures';

/**
 * What every ReadStore adapter must do (DESIGN §8), written only against the port. Each describe block opens
 * its own store from `factory`; every collection, alias and checkpoint name is fresh, so the suite can run
 * against a shared server.
 */
export function describeReadStoreContract(adapterName: string, factory: ReadStoreFactory): void {
  describe(`ReadStore contract: ${adapterName}`, () => {
    describeDocumentsContract(factory);
    describeQueryContract(factory);
    describeAliasesContract(factory);
  });
}
