import { createHash } from 'node:crypto';

/** A stable fingerprint of a request: object keys are sorted, so field order does not matter. */
export const requestHash = (request: unknown): string =>
  createHash('sha256').update(canonicalJson(request)).digest('base64url');

const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
};
