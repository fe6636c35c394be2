import { personalFieldsOf } from './personal-fields';

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `data` with `path` (dotted) replaced by `change(value)` when a string is there; otherwise `data` itself. */
const withPath = (data: Json, path: readonly string[], change: (value: string) => string): Json => {
  const [head, ...rest] = path;
  const value = data[head];
  if (rest.length === 0) return typeof value === 'string' ? { ...data, [head]: change(value) } : data;
  if (!isObject(value)) return data;
  const changed = withPath(value, rest, change);
  return changed === value ? data : { ...data, [head]: changed };
};

/**
 * A copy of an event's `data` in which every personal string field (per the catalogue) is replaced by
 * `change(value, path)`; absent fields stay absent. Pure; the input is left as it is.
 */
export const transformPersonalFields = <T>(
  type: string,
  data: T,
  change: (value: string, path: string) => string,
): T => {
  if (!isObject(data)) return data;
  let result: Json = data;
  for (const path of personalFieldsOf(type)) {
    result = withPath(result, path.split('.'), (value) => change(value, path));
  }
  return result as T;
};

/** The personal string values an event carries, by path: what must never be stored or logged in clear. */
export const personalValuesOf = (type: string, data: unknown): Readonly<Record<string, string>> => {
  const values: Record<string, string> = {};
  transformPersonalFields(type, data, (value, path) => {
    values[path] = value;
    return value;
  });
  return values;
};
