import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { customerId } from './customers';

export interface LoadOptions {
  readonly url: string;
  readonly token: string;
  readonly connections: number;
  readonly seconds: number;
  readonly customers: number;
}

/** What one autocannon run measured; latencies in milliseconds, of 2xx responses only. */
export interface Measurement {
  readonly requestsPerSecond: number;
  readonly succeeded: number;
  readonly p50: number;
  readonly p97_5: number;
  readonly p99: number;
  readonly max: number;
  /** Non-2xx responses, connection errors and timeouts. */
  readonly errors: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly seconds: number;
}

const randomCustomer = (count: number): string => customerId(Math.floor(Math.random() * count));

function measurement(result: autocannon.Result): Measurement {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
  );
  return {
    requestsPerSecond: result.requests.average,
    succeeded: result['2xx'],
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.non2xx + result.errors + result.timeouts,
    statusCodes,
    seconds: result.duration,
  };
}

function run(options: LoadOptions, request: autocannon.Request): Promise<Measurement> {
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    requests: [request],
  });
  return instance.then(measurement);
}

/** POST /customers/:id/purchases: a random registered customer, a fresh purchase and idempotency key each time. */
export function recordPurchases(options: LoadOptions): Promise<Measurement> {
  const runId = randomBytes(4).toString('hex');
  let sequence = 0;
  return run(options, {
    method: 'POST',
    setupRequest: (request) => {
      const n = sequence++;
      return {
        ...request,
        path: `/customers/${randomCustomer(options.customers)}/purchases`,
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/json',
          'idempotency-key': `bench-${runId}-${n}`,
        },
        body: JSON.stringify({
          purchaseId: `p-${runId}-${n}`,
          amount: { amount: 100 + (n % 100_000), currency: 'TRY' },
        }),
      };
    },
  });
}

/** GET /customers/:id, the customer-360 read model, for a random registered customer each time. */
export function readCustomer360(options: LoadOptions): Promise<Measurement> {
  return run(options, {
    method: 'GET',
    setupRequest: (request) => ({
      ...request,
      path: `/customers/${randomCustomer(options.customers)}`,
      headers: { authorization: `Bearer ${options.token}` },
    }),
  });
}
