import { dirname, join } from 'node:path';
import { type SnapshotStore, SqliteSnapshotStore } from '@crm/event-store';
import { type DataProtection, SealedSnapshotStore } from '../crypto';
import { preparePrivateDatabaseFile } from '../storage/private-files';
import type { EventStoreConfig } from './event-store.config';

/**
 * The command executor's snapshots: `snapshots.db` beside a SQLite event store, customers' states sealed
 * with their data keys. None beside EventStoreDB: its adapter cannot look an event up by id, so the
 * executor keeps no state between commands and reads every stream whole (ADR 0014).
 */
export function openSnapshotStore(
  config: EventStoreConfig,
  protection: DataProtection,
): SnapshotStore | undefined {
  if (config.kind !== 'sqlite') return undefined;
  const path = join(dirname(config.path), 'snapshots.db');
  preparePrivateDatabaseFile(path);
  return new SealedSnapshotStore(SqliteSnapshotStore.open({ path }), protection.cipher);
}
