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
  if (value !== null && typeof value === 'object') return canonicalObject(value as Record<string, unknown>);
  return JSON.stringify(value);
};

// Keys in UTF-16 code unit order (the default sort), undefined fields left out, as JSON.stringify does.
function canonicalObject(object: Record<string, unknown>): string {
  let json = '';
  for (const key of Object.keys(object).sort()) {
    const field = object[key];
    if (field === undefined) continue;
    json += `${json === '' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(field)}`;
  }
  return `{${json}}`;
}
