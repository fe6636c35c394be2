export { SqliteReadStore, type SqliteReadStoreOptions } from './sqlite-read-store';
