import { createHmac } from 'node:crypto';

/**
 * A stable fingerprint of a request, keyed: HMAC-SHA256 over its canonical JSON (object keys sorted, so
 * field order does not matter). Stored in every event's metadata to refuse a reused idempotency key, it
 * must not let anyone who reads the log confirm a guess of the personal fields a request carried, which a
 * plain hash would (docs/data-protection.md).
 */
export const requestHash = (request: unknown, key: Buffer): string =>
  createHmac('sha256', key).update(canonicalJson(request)).digest('base64url');

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
