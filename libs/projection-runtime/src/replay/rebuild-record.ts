import type { CollectionSpec, JsonObject, ReadStore } from '@crm/read-store/read-store';

/** One document per projection alias: what rebuilds and rollbacks need to find again after a restart. */
export const PROJECTION_REBUILDS: CollectionSpec = { name: 'projection_rebuilds', fields: [] };

export interface RebuildRecord {
  /** The shadow a rebuild is filling; a rebuild run again resumes it. */
  readonly building?: string;
  /** What the alias pointed at before the last swap: `crm rollback` swaps back to it. */
  readonly previous?: string;
  /** Rebuilds so far: the next shadow of the serving version is `<name>_v<version>_r<rebuilds + 1>`. */
  readonly rebuilds: number;
  /** Collections `--keep-old` kept: never dropped by a later rebuild. */
  readonly kept: readonly string[];
}

/** Reads and writes rebuild records; each write bumps the document's version, the read store's fence. */
export class RebuildRecords {
  private constructor(private readonly readStore: ReadStore) {}

  static async open(readStore: ReadStore): Promise<RebuildRecords> {
    await readStore.ensureCollection(PROJECTION_REBUILDS);
    return new RebuildRecords(readStore);
  }

  async get(alias: string): Promise<{ record: RebuildRecord; version: number }> {
    const stored = await this.readStore.get(PROJECTION_REBUILDS.name, alias);
    if (stored === undefined) return { record: { rebuilds: 0, kept: [] }, version: 0 };
    return { record: stored.body as unknown as RebuildRecord, version: stored.version };
  }

  /** Saves over the record read at `version`; returns the new version. */
  async save(alias: string, record: RebuildRecord, version: number): Promise<number> {
    const body = JSON.parse(JSON.stringify(record)) as JsonObject;
    await this.readStore.bulkWrite(PROJECTION_REBUILDS.name, [
      { kind: 'upsert', document: { id: alias, version: version + 1, body } },
    ]);
    return version + 1;
  }
}
