export type { IdLookup } from './id-lookup';
export { MongoReadStore, type MongoReadStoreOptions } from './mongo-read-store';
