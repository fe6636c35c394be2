import { createApp } from '../src/create-app';
import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';
import { waitForProjections } from './support/wait-for-projections';

describe('Operations: metrics, rate limits', () => {
  const running = useEmbeddedApp({ RATE_LIMIT_PER_SECOND: '20' });

  it('exposes Prometheus metrics for requests, the log head and every projection', async () => {
    const { baseUrl, token } = running();
    await call(baseUrl, 'POST', '/customers', {
      token: token('service'),
      body: { customerId: 'c-metrics', name: 'Ece Şahin', email: 'ece@example.com', registeredVia: 'web' },
    });
    await waitForProjections(running());

    const scrape = await call<string>(baseUrl, 'GET', '/metrics');

    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(scrape.body).toMatch(
      /crm_http_request_duration_seconds_count\{method="POST",route="\/customers",status="201"\} 1/,
    );
    expect(scrape.body).toMatch(/crm_event_store_head_position 1/);
    for (const projection of ['customer-360', 'loyalty-tier', 'opportunities', 'audit-trail']) {
      expect(scrape.body).toContain(`crm_projection_position{projection="${projection}"} 1`);
      expect(scrape.body).toContain(`crm_projection_lag_events{projection="${projection}"} 0`);
    }
    expect(scrape.body).toContain('crm_process_resident_memory_bytes');
  });

  it('answers 429 once a caller exceeds its rate, without affecting other callers', async () => {
    const { baseUrl, token } = running();
    const greedy = token('analyst', 'greedy-analyst');

    const responses = await Promise.all(
      Array.from({ length: 40 }, () => call(baseUrl, 'GET', '/loyalty/tiers/summary', { token: greedy })),
    );
    const statuses = responses.map((response) => response.status);
    const other = await call(baseUrl, 'GET', '/loyalty/tiers/summary', {
      token: token('analyst', 'calm-analyst'),
    });

    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    expect(other.status).toBe(200);
    const remaining = responses
      .filter((response) => response.status === 200)
      .map((response) => Number(response.headers.get('x-ratelimit-remaining')))
      .sort((a, b) => a - b);
    expect(remaining).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(responses.find((response) => response.status === 200)?.headers.get('x-ratelimit-limit')).toBe(
      '20',
    );
    const refused = responses.find((response) => response.status === 429);
    expect(refused?.headers.get('retry-after')).toBe('1');
    expect(refused?.body).toMatchObject({ statusCode: 429, code: 'too_many_requests' });
  });
});

describe('Production start-up', () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
  });

  it('refuses to start without a configured JWT secret', async () => {
    process.env.NODE_ENV = 'production';
    delete process.env.JWT_SECRET;

    await expect(createApp({ logger: false })).rejects.toThrow(/JWT_SECRET is not set/);
  });

  it('refuses to start on a wrong or missing setting, naming it, before opening any store', async () => {
    process.env.CRM_MODE = 'distributed';
    process.env.PORT = 'eighty';
    delete process.env.ESDB_URL;
    delete process.env.MONGO_URL;

    const refused = createApp({ logger: false });

    await expect(refused).rejects.toThrow(
      /ESDB_URL is required when EVENT_STORE=esdb \(the default of CRM_MODE=distributed\)/,
    );
    await expect(refused).rejects.toMatchObject({ settings: ['PORT', 'ESDB_URL', 'MONGO_URL'] });
  });
});
