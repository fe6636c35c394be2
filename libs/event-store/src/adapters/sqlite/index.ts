export { SqliteEventStore } from './sqlite-event-store';
export { SqliteSnapshotStore } from './sqlite-snapshot-store';
export type { SqliteEventStoreOptions } from './sqlite-event-store-options';
export type { CommittedGroup } from './group-commit-queue';
