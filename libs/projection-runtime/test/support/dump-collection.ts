import type { ReadStore } from '@crm/read-store/read-store';

/** Every document as one JSON line, sorted by id: two collections are equal when their dumps are. */
export async function dumpCollection(store: ReadStore, collection: string): Promise<string[]> {
  const lines: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.find(collection, { limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    for (const { id, version, body } of page.items) lines.push(JSON.stringify({ id, version, body }));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return lines.sort();
}
