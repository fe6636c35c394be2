import { useEmbeddedApp } from './support/embedded-app';
import { catalogueFixtures, ENDPOINTS, type Endpoint, type Fixtures } from './support/endpoint-catalogue';
import { call } from './support/http-client';
import type { OutcomeBody } from './support/command-client';

type Ids = Readonly<Record<'customerId' | 'opportunityId', string>>;

/**
 * The rule of docs/api.md ("Status codes"), endpoint by endpoint: 201 for a command that adds a new thing,
 * 200 for one on something that exists. Location names the new thing when it is a resource of its own.
 */
const ANSWERS: Readonly<Record<string, { status: 200 | 201; location?: (body: Ids) => string }>> = {
  'POST /customers': { status: 201, location: (body) => `/customers/${body.customerId}` },
  'PATCH /customers/{customerId}': { status: 200 },
  'POST /customers/{customerId}/purchases': { status: 201 },
  'POST /customers/{customerId}/purchases/{purchaseId}/returns': { status: 201 },
  'POST /customers/{customerId}/stage': { status: 200 },
  'POST /customers/{customerId}/tier-review': { status: 200 },
  'POST /customers/{customerId}/complaints': { status: 201 },
  'POST /customers/{customerId}/complaints/{complaintId}/resolution': { status: 200 },
  'POST /customers/{customerId}/complaints/{complaintId}/reopening': { status: 200 },
  'POST /customers/{customerId}/complaints/{complaintId}/priority': { status: 200 },
  'POST /customers/{customerId}/campaign-events': { status: 201 },
  'POST /customers/{customerId}/consents': { status: 201 },
  'POST /customers/{customerId}/consents/withdrawal': { status: 200 },
  'POST /customers/{customerId}/nps': { status: 201 },
  'POST /customers/{customerId}/satisfaction': { status: 201 },
  'PUT /customers/{customerId}/tier-floor': { status: 200 },
  'POST /customers/{customerId}/erasure': { status: 200 },
  'POST /opportunities': { status: 201, location: (body) => `/opportunities/${body.opportunityId}` },
  'POST /opportunities/{opportunityId}/stage': { status: 200 },
  'POST /opportunities/{opportunityId}/won': { status: 200 },
  'POST /opportunities/{opportunityId}/lost': { status: 200 },
};

/** Not a command: it sends one per customer due and answers a summary; running it again is safe. */
const TIER_REVIEWS = 'POST /loyalty/reviews';

const operation = (endpoint: Endpoint): string => `${endpoint.method} ${endpoint.route}`;
const COMMANDS = ENDPOINTS.filter((endpoint) => operation(endpoint) in ANSWERS);

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
}

describe('Command status codes: 201 adds, 200 changes, a retry answers like the first call', () => {
  const running = useEmbeddedApp();
  let fixtures: Fixtures;
  let retryKeys = 0;

  const send = (method: string, path: string, body: unknown, key: string) => {
    const { baseUrl, token } = running();
    return call<OutcomeBody & { replayed: boolean }>(baseUrl, method, path, {
      token: token('admin'),
      body,
      headers: { 'idempotency-key': key },
    });
  };

  beforeAll(async () => {
    fixtures = await catalogueFixtures(running());
  });

  it('has an answer for every endpoint that writes, and documents it in OpenAPI', async () => {
    const document = await call<OpenApiDocument>(running().baseUrl, 'GET', '/docs-json');
    const writes = ENDPOINTS.filter((endpoint) => endpoint.method !== 'GET').map(operation);
    const documented = (op: string): string[] => {
      const [method, route] = op.split(' ');
      const responses = document.body.paths[route][method.toLowerCase()].responses;
      return Object.keys(responses).filter((status) => status.startsWith('2'));
    };

    expect(writes.filter((op) => op !== TIER_REVIEWS).sort()).toEqual(Object.keys(ANSWERS).sort());
    for (const [op, { status }] of Object.entries(ANSWERS))
      expect({ op, documented: documented(op) }).toEqual({
        op,
        documented: status === 201 ? ['200', '201'] : ['200'],
      });
    expect(documented(TIER_REVIEWS)).toEqual(['200']);
  });

  it.each(COMMANDS.map((endpoint) => [operation(endpoint), endpoint] as const))(
    '%s: first call and retry',
    async (op, endpoint) => {
      const { status, location } = ANSWERS[op];
      const { path, body } = await endpoint.prepare(fixtures);
      const key = `status-rule-${++retryKeys}`;

      const first = await send(endpoint.method, path, body, key);
      const retry = await send(endpoint.method, path, body, key);

      // A command that appended nothing left no trace of its key: the retry decides again, to the same end.
      const appended = first.body.events.length > 0;
      const expectedLocation = location?.(body as Ids) ?? null;
      expect({
        first: [first.status, first.headers.get('location'), first.headers.get('idempotent-replayed')],
        retry: [retry.status, retry.headers.get('location'), retry.headers.get('idempotent-replayed')],
      }).toEqual({
        first: [status, expectedLocation, null],
        retry: [status, expectedLocation, appended ? 'true' : null],
      });
      expect(retry.body).toEqual({ ...first.body, replayed: appended });
    },
  );

  it('answers 200, with no Location, when an adding command finds it already there as asked', async () => {
    const customerId = await fixtures.freshCustomer();
    const consent = {
      purpose: 'marketing',
      channel: 'sms',
      legalBasis: 'consent',
      source: 'web',
      evidenceRef: 'ev-7',
    };

    const granted = await send('POST', `/customers/${customerId}/consents`, consent, 'grant-1');
    const again = await send('POST', `/customers/${customerId}/consents`, consent, 'grant-2');

    expect([granted.status, granted.body.events.length]).toEqual([201, 1]);
    expect([again.status, again.body.events, again.headers.get('location')]).toEqual([200, [], null]);
    expect(again.headers.get('etag')).toBe(granted.headers.get('etag'));
  });

  it('answers 200 to a loyalty review and to the same review run again', async () => {
    const { baseUrl, token } = running();
    const asOf = new Date().toISOString();
    const review = () => call(baseUrl, 'POST', '/loyalty/reviews', { token: token('admin'), body: { asOf } });

    expect([(await review()).status, (await review()).status]).toEqual([200, 200]);
  });
});
