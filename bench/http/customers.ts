const SETUP_CONCURRENCY = 32;

export const customerId = (n: number): string => `b-${n}`;

async function register(url: string, token: string, n: number): Promise<void> {
  const response = await fetch(`${url}/customers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      customerId: customerId(n),
      name: `Bench Customer ${n}`,
      email: `bench-${n}@example.com`,
      registeredVia: 'web',
    }),
  });
  if (response.status !== 201) {
    throw new Error(
      `POST /customers for ${customerId(n)} answered ${response.status}: ${await response.text()}`,
    );
  }
}

/** Registers customers b-0 … b-(count-1), a fixed number of requests in flight at a time. */
export async function registerCustomers(url: string, token: string, count: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await register(url, token, next++);
  };
  await Promise.all(Array.from({ length: Math.min(SETUP_CONCURRENCY, count) }, worker));
}
