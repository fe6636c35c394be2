import type { ReadStore } from '@crm/read-store/read-store';
import { storageName } from '../collection-name';
import { RebuildRecords } from './rebuild-record';

/** Points the alias back at what it served before the last swap; rolling back again rolls forward. */
export async function rollback(
  readStore: ReadStore,
  name: string,
): Promise<{ readonly alias: string; readonly serving: string; readonly previous: string }> {
  const alias = storageName(name);
  const records = await RebuildRecords.open(readStore);
  const { record, version } = await records.get(alias);
  const current = await readStore.resolveAlias(alias);
  if (record.previous === undefined || current === undefined) {
    throw new Error(`${name} has no previous collection to roll back to: it was never rebuilt`);
  }
  await readStore.setAlias(alias, record.previous);
  await records.save(alias, { ...record, previous: current }, version);
  return { alias, serving: record.previous, previous: current };
}
