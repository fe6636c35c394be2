/**
 * The value a record holds under `key` itself. Ids are free text within their pattern, and `constructor`
 * or `toString` are valid ids: a plain lookup would find the member every object inherits instead.
 */
export const ownEntry = <V>(record: Readonly<Record<string, V>>, key: string): V | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;
