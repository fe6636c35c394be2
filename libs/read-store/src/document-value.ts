import type { JsonObject, JsonValue, Scalar } from './read-store';

/** The value at a dot path of a body, where a cursor records it; missing reads as null, as it sorts. */
export function scalarAt(body: JsonObject, path: string): Scalar {
  let current: JsonValue | undefined = body;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return null;
    current = current[key];
  }
  return current === undefined || (typeof current === 'object' && current !== null) ? null : current;
}
