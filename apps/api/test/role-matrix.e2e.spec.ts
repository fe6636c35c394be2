import type { EventStore } from '@crm/event-store';
import { EVENT_STORE } from '@crm/platform';
import { ROLES, type Role } from '../src/auth/role';
import { useEmbeddedApp } from './support/embedded-app';
import { catalogueFixtures, ENDPOINTS, type Endpoint, type Fixtures } from './support/endpoint-catalogue';
import { call } from './support/http-client';

type Caller = Role | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', ...ROLES];

const expectedStatus = (endpoint: Endpoint, caller: Caller): '2xx' | 401 | 403 => {
  if (endpoint.access === 'public') return '2xx';
  if (caller === 'anonymous') return 401;
  return caller === 'admin' || endpoint.access.includes(caller) ? '2xx' : 403;
};

describe('Role matrix: every endpoint × role gives the documented 2xx / 401 / 403', () => {
  const running = useEmbeddedApp();
  let fixtures: Fixtures;
  const head = () => running().app.get<EventStore>(EVENT_STORE).headPosition();

  beforeAll(async () => {
    fixtures = await catalogueFixtures(running());
  });

  it('covers every operation the OpenAPI document describes', async () => {
    const document = await call<{ paths: Record<string, Record<string, unknown>> }>(
      running().baseUrl,
      'GET',
      '/docs-json',
    );
    const documented = Object.entries(document.body.paths).flatMap(([route, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
    );
    const catalogued = ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.route}`);

    expect(documented.filter((operation) => !catalogued.includes(operation))).toEqual([]);
  });

  it.each(ENDPOINTS.map((endpoint) => [`${endpoint.method} ${endpoint.route}`, endpoint] as const))(
    '%s',
    async (_, endpoint) => {
      const { baseUrl, token } = running();
      const observed: Record<string, number | string> = {};
      const expected: Record<string, number | string> = {};
      for (const caller of CALLERS) {
        const { path, body } = await endpoint.prepare(fixtures);
        const before = await head();
        const response = await call(baseUrl, endpoint.method, path, {
          token: caller === 'anonymous' ? undefined : token(caller),
          body,
        });
        const want = expectedStatus(endpoint, caller);
        expected[caller] = want;
        observed[caller] =
          want === '2xx' && response.status >= 200 && response.status < 300 ? '2xx' : response.status;
        if (want !== '2xx') expect(await head()).toBe(before);
      }
      expect(observed).toEqual(expected);
    },
  );
});
