import type { ReadStore } from '@crm/read-store';

const GROUP_TARGETS = { name: 'projector_group_targets', fields: [] } as const;

/**
 * The collection each consumer group last wrote, kept in the read store so that a projector, restarted or
 * not, notices that `crm rebuild` / `crm rollback` moved the alias since: the offsets the group committed
 * were applied to the old collection, and the new one must first be caught up from the event store.
 */
export class GroupTargets {
  private constructor(private readonly readStore: ReadStore) {}

  static async open(readStore: ReadStore): Promise<GroupTargets> {
    await readStore.ensureCollection(GROUP_TARGETS);
    return new GroupTargets(readStore);
  }

  async lastWritten(groupId: string): Promise<{ collection: string; version: number } | undefined> {
    const stored = await this.readStore.get(GROUP_TARGETS.name, groupId);
    return stored && { collection: String(stored.body.collection), version: stored.version };
  }

  async record(groupId: string, collection: string, previousVersion: number): Promise<void> {
    await this.readStore.bulkWrite(GROUP_TARGETS.name, [
      { kind: 'upsert', document: { id: groupId, version: previousVersion + 1, body: { collection } } },
    ]);
  }
}
