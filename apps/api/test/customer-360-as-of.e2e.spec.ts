import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';

type View = { asOf: string; churnRisk: boolean; clv: { amount: number; asOf: string } | null };

// Purchases of 1,000.00 and 2,000.00 TRY on 2024-01-10T10:00Z and 2024-03-01T10:00Z: one gap of 51
// days (2024 is a leap year), so churn risk starts after max(2 × 51, 60) = 102 days without a
// purchase, i.e. after 2024-06-11T10:00Z. CLV = 300,000 net × 0.30 × 3 years ÷ max(1, years since the first purchase).
describe('GET /customers/{id}?asOf=T evaluates churn risk and CLV at T', () => {
  const running = useEmbeddedApp();
  const send = async (path: string, body: unknown) => {
    const { baseUrl, token } = running();
    const result = await call(baseUrl, 'POST', path, { token: token('service'), body });
    if (result.status >= 300) throw new Error(`${path}: ${JSON.stringify(result.body)}`);
  };
  const view = async (asOf: string): Promise<View> => {
    const { baseUrl, token } = running();
    const result = await call<View>(baseUrl, 'GET', `/customers/c-asof?asOf=${asOf}`, {
      token: token('analyst'),
    });
    expect(result.status).toBe(200);
    return result.body;
  };

  beforeAll(async () => {
    await send('/customers', {
      customerId: 'c-asof',
      name: 'Kerem Yıldız',
      email: 'kerem@example.com.tr',
      registeredVia: 'web',
      occurredAt: '2024-01-01T09:00:00Z',
    });
    for (const [purchaseId, amount, occurredAt] of [
      ['p-1', 100_000, '2024-01-10T10:00:00Z'],
      ['p-2', 200_000, '2024-03-01T10:00:00Z'],
    ] as const) {
      await send('/customers/c-asof/purchases', {
        purchaseId,
        amount: { amount, currency: 'TRY' },
        occurredAt,
      });
    }
  });

  it('is not at risk at 102 days, and at risk one second later, though no event happened between', async () => {
    expect(await view('2024-06-11T10:00:00Z')).toMatchObject({ churnRisk: false });
    expect(await view('2024-06-11T10:00:01Z')).toMatchObject({
      churnRisk: true,
      asOf: '2024-06-11T10:00:01.000Z',
    });
  });

  it('divides CLV by the years up to T: 730 days after the first purchase, 300,000 × 0.9 ÷ 2 = 135,000', async () => {
    expect((await view('2026-01-09T10:00:00Z')).clv).toEqual({
      amount: 135_000,
      currency: 'TRY',
      asOf: '2026-01-09T10:00:00.000Z',
    });
  });
});
