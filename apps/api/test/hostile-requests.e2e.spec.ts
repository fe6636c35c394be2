import type { EventStore } from '@crm/event-store';
import { EVENT_STORE } from '@crm/platform';
import { useEmbeddedApp } from './support/embedded-app';
import { catalogueFixtures, ENDPOINTS, type Endpoint, type Fixtures } from './support/endpoint-catalogue';

type Json = unknown;

/** One generated request; `refuse` marks those that must be a 400 (or 413/415) naming a field. */
interface Hostile {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly body?: string;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  readonly refuse: boolean;
}

let deep = '1';
for (let i = 0; i < 4_000; i++) deep = `{"a":${deep}}`;

/** Values no field of any command accepts: wrong types, operators, prototype keys, bad characters, nesting. */
const NEVER_VALID: ReadonlyArray<[string, Json]> = [
  ['null', null],
  ['an empty string', ''],
  ['a fraction', 1.5],
  ['a negative number', -1],
  ['a number past 2^53', 2 ** 53 + 2],
  ['an array', ['a']],
  ['an empty object', {}],
  ['an operator', { $ne: '' }],
  ['a __proto__ object', JSON.parse('{"__proto__":{"admin":true}}')],
  ['a prototype object', { prototype: { admin: true } }],
  ['NUL', 'a\u0000b'],
  ['a lone high surrogate', 'ab\ud800@example.com'],
  ['a lone low surrogate', '\udc00x'],
  ['a bidi override', 'abc\u202Edef'],
  ['a C1 control', 'a\u0085b'],
  ['an escape character', '\u001b[31m'],
  ['8,000 characters', 'x'.repeat(8_000)],
  ['deep nesting', JSON.parse('{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":1}}}}}}}}}}')],
];

/** Time fields: a date alone, a time without a zone, a day the calendar lacks, 24:00, a unix time. */
const NOT_AN_INSTANT: ReadonlyArray<[string, Json]> = [
  ['a date alone', '2026-01-01'],
  ['a time without a zone', '2026-01-01T09:00:00'],
  ['a space for T', '2026-01-01 09:00:00Z'],
  ['February 30', '2026-02-30T00:00:00Z'],
  ['24:00', '2026-01-01T24:00:00Z'],
  ['an offset of 24 hours', '2026-01-01T09:00:00+24:00'],
  ['a unix time', 1_767_258_000_000],
  ['words', 'yesterday'],
];

/** Money amounts out of range or type. */
const NOT_AN_AMOUNT: ReadonlyArray<[string, Json]> = [
  ['zero', 0],
  ['over the 10^12 cap', 1_000_000_000_001],
  ['a string', '100'],
  ['hex', '0x10'],
  ['an exponent', 1e300],
];

/** Keys no body may hold, at the top or nested. */
const FORBIDDEN_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '$where',
  'unknownField',
];

const WHOLE_BODIES: ReadonlyArray<[string, string, string?]> = [
  ['malformed JSON', '{"a": '],
  ['an empty body', ''],
  ['a JSON array', '[{}]'],
  ['a JSON string', '"text"'],
  ['a JSON number', '42'],
  ['JSON null', 'null'],
  ['4,000 levels of nesting', `{"x":${deep}}`],
  ['a __proto__ key', '{"__proto__":{"isAdmin":true}}'],
  ['a constructor key', '{"constructor":{"prototype":{"isAdmin":true}}}'],
  ['a body over 64 KiB', JSON.stringify({ x: 'y'.repeat(70_000) })],
  ['text/plain', 'hello', 'text/plain'],
  ['a form', 'a=1&b=2', 'application/x-www-form-urlencoded'],
  ['XML', '<a>1</a>', 'application/xml'],
];

const HOSTILE_HEADERS: ReadonlyArray<[string, Record<string, string>]> = [
  ['If-Match past 2^53', { 'if-match': '"9007199254740993"' }],
  ['If-Match as a fraction', { 'if-match': '"1.5"' }],
  ['If-Match in hex', { 'if-match': '"0x1"' }],
  ['If-Match below -1', { 'if-match': '"-2"' }],
  ['If-Match as words', { 'if-match': 'yesterday' }],
  ['an Idempotency-Key with a space', { 'idempotency-key': 'a b' }],
  ['an Idempotency-Key of 129 characters', { 'idempotency-key': 'k'.repeat(129) }],
  ['an Idempotency-Key with $', { 'idempotency-key': '$where' }],
  ['an Idempotency-Key with @', { 'idempotency-key': 'key@otherCaller' }],
  ['an X-Correlation-Id with a space', { 'x-correlation-id': 'a b' }],
];

const BAD_PATH_IDS = ['bad id!', 'x'.repeat(65), '%00', '%ED%A0%80', '..%2F..', 'a%20b', '%E2%80%AE'];

/** Query values refused whatever the parameter; integer and time parameters refuse more. */
const QUERY_NEVER_VALID = ['%00', '%E2%80%AE', '%1B', 'x'.repeat(5_000)];
const QUERY_NOT_AN_INTEGER = ['0x10', '', '1e2', '-1', '%2B5', '007', '%205', '1.0', '9007199254740993'];
const QUERY_NOT_AN_INSTANT = ['2026-01-01', '2026-01-01T09:00:00', '2026-02-30T00:00:00Z', '', '1767258000'];
const QUERY_UNKNOWN = [
  '__proto__',
  'toString',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'foo',
  '%24where',
];
const INTEGER_PARAMS = ['limit', 'asOfRevision'];
const TIME_PARAMS = ['asOf', 'from', 'to'];
/** Query parameters each query endpoint takes (and only those), as the OpenAPI document declares them. */
const QUERY_PARAMS: Readonly<Record<string, readonly string[]>> = {
  '/customers': ['tier', 'stage', 'churnRisk', 'segment', 'q', 'cursor', 'limit'],
  '/customers/{customerId}': ['asOf', 'asOfRevision'],
  '/customers/{customerId}/history': ['asOf', 'purpose', 'cursor', 'limit'],
  '/customers/{customerId}/data-export': ['purpose'],
  '/audit': ['customerId', 'actor', 'type', 'from', 'to', 'purpose', 'cursor', 'limit'],
  '/projections/{name}/documents': ['where', 'id', 'purpose', 'cursor', 'limit'],
  '/kpis': ['from', 'to'],
  '/segments/rfm': ['asOf', 'segment', 'cursor', 'limit'],
  '/segments/pareto': ['asOf'],
};

const setAt = (body: Json, path: readonly string[], value: Json): Json => {
  const copy = structuredClone(body) as Record<string, Json>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, Json>;
  target[path[path.length - 1]] = value;
  return copy;
};

const leafPaths = (body: Json, prefix: string[] = []): string[][] =>
  typeof body === 'object' && body !== null && !Array.isArray(body)
    ? Object.entries(body).flatMap(([key, value]) => leafPaths(value, [...prefix, key]))
    : prefix.length === 0
      ? []
      : [prefix];

/** A JSON text with `key` added at the top level (or in `amount`), as raw text: `__proto__` stays a key. */
const withKey = (body: Json, key: string, nested: boolean): string => {
  const text = JSON.stringify(body);
  const entry = `${JSON.stringify(key)}:{"x":1},`;
  if (nested) return text.replace('"amount":{', `"amount":{${entry}`);
  return `{${entry}${text.slice(1)}`;
};

function commandRequests(endpoint: Endpoint, path: string, body: Json): Hostile[] {
  const { method } = endpoint;
  const route = `${method} ${endpoint.route}`;
  const requests: Hostile[] = [];
  const send = (label: string, value: Json, refuse = true) =>
    requests.push({ label: `${route}: ${label}`, method, path, body: JSON.stringify(value), refuse });
  for (const leaf of leafPaths(body)) {
    const field = leaf.join('.');
    for (const [what, value] of NEVER_VALID) send(`${field} = ${what}`, setAt(body, leaf, value));
    if (leaf[leaf.length - 1] === 'asOf')
      for (const [what, value] of NOT_AN_INSTANT) send(`${field} = ${what}`, setAt(body, leaf, value));
    if (field === 'amount.amount')
      for (const [what, value] of NOT_AN_AMOUNT) send(`${field} = ${what}`, setAt(body, leaf, value));
  }
  for (const [what, value] of NOT_AN_INSTANT)
    send(`occurredAt = ${what}`, { ...(body as object), occurredAt: value });
  send('occurredAt = null', { ...(body as object), occurredAt: null });
  send('commandId = null', { ...(body as object), commandId: null });
  if (endpoint.route === '/opportunities') send('stage = null', { ...(body as object), stage: null });
  if (endpoint.route === '/customers') send('phone = null', { ...(body as object), phone: null });
  const nested = JSON.stringify(body).includes('"amount":{');
  for (const key of FORBIDDEN_KEYS) {
    requests.push({
      label: `${route}: key ${key}`,
      method,
      path,
      body: withKey(body, key, false),
      refuse: true,
    });
    if (nested)
      requests.push({
        label: `${route}: amount.${key}`,
        method,
        path,
        body: withKey(body, key, true),
        refuse: true,
      });
  }
  for (const [what, text, contentType] of WHOLE_BODIES)
    requests.push({ label: `${route}: ${what}`, method, path, body: text, contentType, refuse: true });
  // The tier review run (POST /loyalty/reviews) is no command of one stream: it takes no command headers.
  for (const [what, headers] of endpoint.route === '/loyalty/reviews' ? [] : HOSTILE_HEADERS)
    requests.push({
      label: `${route}: ${what}`,
      method,
      path,
      body: JSON.stringify(body),
      headers,
      refuse: true,
    });
  requests.push({
    label: `${route}: a query string`,
    method,
    path: `${path}?foo=1`,
    body: JSON.stringify(body),
    refuse: true,
  });
  for (const id of BAD_PATH_IDS) {
    const bad = path.replace(/^(\/(?:customers|opportunities)\/)[^/?]+/, `$1${id}`);
    if (bad !== path)
      requests.push({
        label: `${route}: path id ${id}`,
        method,
        path: bad,
        body: JSON.stringify(body),
        refuse: true,
      });
  }
  return requests;
}

function queryRequests(endpoint: Endpoint, path: string): Hostile[] {
  const route = `GET ${endpoint.route}`;
  const base = path.split('?')[0];
  const requests: Hostile[] = [];
  const send = (label: string, query: string, refuse: boolean) =>
    requests.push({ label: `${route}: ${label}`, method: 'GET', path: `${base}?${query}`, refuse });
  const strict = endpoint.route !== '/docs-json';
  for (const name of QUERY_UNKNOWN) send(`unknown parameter ${name}`, `${name}=1`, strict);
  send('bracket operator', 'tier[$ne]=x', strict);
  for (const name of QUERY_PARAMS[endpoint.route] ?? []) {
    for (const value of QUERY_NEVER_VALID) send(`${name}=${value.slice(0, 12)}`, `${name}=${value}`, true);
    send(`${name} twice`, `${name}=a&${name}=b`, true);
    if (INTEGER_PARAMS.includes(name))
      for (const value of QUERY_NOT_AN_INTEGER) send(`${name}=${value}`, `${name}=${value}`, true);
    if (TIME_PARAMS.includes(name))
      for (const value of QUERY_NOT_AN_INSTANT) send(`${name}=${value}`, `${name}=${value}`, true);
  }
  for (const id of BAD_PATH_IDS) {
    const bad = base.replace(/^(\/(?:customers|opportunities)\/)[^/?]+/, `$1${id}`);
    if (bad !== base && !['/opportunities/pipeline'].includes(base))
      requests.push({ label: `${route}: path id ${id}`, method: 'GET', path: bad, refuse: true });
  }
  return requests;
}

interface Observed {
  readonly label: string;
  readonly status: number;
  readonly problem?: string;
}

describe('Hostile requests: no 5xx, every refusal a 4xx naming its field, the log untouched by refusals', () => {
  const running = useEmbeddedApp();
  let fixtures: Fixtures;
  const head = () => running().app.get<EventStore>(EVENT_STORE).headPosition();

  beforeAll(async () => {
    fixtures = await catalogueFixtures(running());
  });

  it('answers at least 1,000 generated hostile requests across every command and query endpoint', async () => {
    const { baseUrl, token } = running();
    const admin = token('admin');
    const requests: Hostile[] = [];
    for (const endpoint of ENDPOINTS) {
      const { path, body } = await endpoint.prepare(fixtures);
      requests.push(
        ...(endpoint.method === 'GET'
          ? queryRequests(endpoint, path)
          : commandRequests(endpoint, path, body)),
      );
    }
    const observed: Observed[] = [];
    for (const request of requests) {
      const before = await head();
      const response = await fetch(`${baseUrl}${request.path}`, {
        method: request.method,
        headers: {
          authorization: `Bearer ${admin}`,
          ...(request.body === undefined
            ? {}
            : { 'content-type': request.contentType ?? 'application/json' }),
          ...request.headers,
        },
        body: request.body,
      });
      const text = await response.text();
      const status = response.status;
      const problem = problemWith(request, status, text, (await head()) !== before);
      observed.push({ label: request.label, status, ...(problem === undefined ? {} : { problem }) });
    }

    console.log(
      `${requests.length} hostile requests, ${observed.filter((o) => o.status >= 400).length} refused`,
    );
    const endpointsCovered = new Set(requests.map((request) => request.label.split(':')[0]));
    expect(requests.length).toBeGreaterThanOrEqual(1_000);
    expect(endpointsCovered.size).toBe(ENDPOINTS.length);
    expect(observed.filter((entry) => entry.status >= 500)).toEqual([]);
    expect(observed.filter((entry) => entry.problem !== undefined)).toEqual([]);
    expect(observed.filter((entry) => entry.status >= 400).length).toBeGreaterThanOrEqual(1_000);
  });
});

const FIELD_LEVEL = new Set([400, 413, 415]);

/** What is wrong with an answer, or undefined when it is as the rules say. */
function problemWith(request: Hostile, status: number, text: string, appended: boolean): string | undefined {
  if (status >= 500) return `answered ${status}`;
  if (request.refuse && !FIELD_LEVEL.has(status)) return `must be refused with 400, got ${status}`;
  if (status < 400) return undefined;
  if (appended) return `refused with ${status} yet appended to the log`;
  let body: { statusCode?: unknown; code?: unknown; message?: unknown; errors?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `refused with ${status} without a JSON error body`;
  }
  if (body.statusCode !== status || typeof body.code !== 'string' || typeof body.message !== 'string')
    return `refused with ${status} without the error shape: ${text.slice(0, 200)}`;
  if (FIELD_LEVEL.has(status) || body.code === 'invalid_input') {
    const errors = body.errors as Array<{ field?: unknown; messages?: unknown }> | undefined;
    const named =
      Array.isArray(errors) &&
      errors.length > 0 &&
      errors.every(
        (error) => typeof error.field === 'string' && error.field !== '' && Array.isArray(error.messages),
      );
    if (!named) return `refused with ${status} without naming a field: ${text.slice(0, 200)}`;
  }
  return undefined;
}
