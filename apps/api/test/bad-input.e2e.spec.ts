import { commandClient, type OutcomeBody } from './support/command-client';
import { useEmbeddedApp } from './support/embedded-app';
import { call, type HttpResult } from './support/http-client';

const CUSTOMER = 'c-bad-input';
const PURCHASES = `/customers/${CUSTOMER}/purchases`;
const valid = { purchaseId: 'p-1', amount: { amount: 10_000, currency: 'TRY' } };

describe('Bad input over HTTP: a 4xx with the error shape, and nothing appended', () => {
  const running = useEmbeddedApp();
  const { send, head } = commandClient(running);
  let before: number;

  const expectRefused = (result: HttpResult<OutcomeBody>, status: number, fields: string[] = []): void => {
    expect(result.status).toBe(status);
    expect(result.body).toEqual(
      expect.objectContaining({
        statusCode: status,
        error: expect.any(String),
        code: expect.any(String),
        message: expect.any(String),
      }),
    );
    const named = (result.body.errors ?? []).map((error) => error.field);
    expect(named).toEqual(expect.arrayContaining(fields));
  };

  beforeAll(async () => {
    const registered = await send('POST', '/customers', {
      customerId: CUSTOMER,
      name: 'Emre Şahin',
      email: 'emre@example.com.tr',
      registeredVia: 'store',
    });
    expect(registered.status).toBe(201);
  });

  beforeEach(async () => {
    before = await head();
  });

  afterEach(async () => {
    expect(await head()).toBe(before);
  });

  it('malformed JSON → 400', async () => {
    expectRefused(await send('POST', PURCHASES, '{"purchaseId": '), 400);
  });

  it.each([
    ['a string amount', 'amount.amount', { ...valid, amount: { amount: '100', currency: 'TRY' } }],
    ['a float amount', 'amount.amount', { ...valid, amount: { amount: 12.5, currency: 'TRY' } }],
    ['a negative amount', 'amount.amount', { ...valid, amount: { amount: -100, currency: 'TRY' } }],
    ['a zero amount', 'amount.amount', { ...valid, amount: { amount: 0, currency: 'TRY' } }],
    ['a lowercase currency', 'amount.currency', { ...valid, amount: { amount: 100, currency: 'try' } }],
    ['an unknown top-level field', 'discount', { ...valid, discount: 5 }],
    ['an unknown nested field', 'amount.extra', { ...valid, amount: { ...valid.amount, extra: 1 } }],
    ['a missing purchaseId', 'purchaseId', { amount: valid.amount }],
    ['a missing amount', 'amount', { purchaseId: 'p-1' }],
    ['an operator object as an id', 'purchaseId', { ...valid, purchaseId: { $ne: '' } }],
    ['an operator object as money', 'amount.$gt', { ...valid, amount: { $gt: 0 } }],
  ])('%s → 400 naming %s', async (_, field, body) => {
    const result = await send('POST', PURCHASES, body);

    expectRefused(result, 400, [field]);
    expect(result.body.code).toBe('validation_failed');
  });

  it('an array instead of an object → 400', async () => {
    expectRefused(await send('POST', PURCHASES, [valid]), 400, ['body']);
  });

  it('an array body on a command without fields of its own → 400', async () => {
    expectRefused(await send('POST', '/opportunities/o-none/won', [{}]), 400, ['body']);
  });

  it('a body over 64 KiB → 413', async () => {
    const body = { ...valid, channel: 'x'.repeat(70 * 1024) };

    expectRefused(await send('POST', PURCHASES, body), 413);
  });

  it('an unknown customer → 404 not_found', async () => {
    const result = await send('POST', '/customers/c-nobody/purchases', valid);

    expectRefused(result, 404);
    expect(result.body.code).toBe('not_found');
  });

  it.each(['toString', 'constructor', '__proto__'])(
    'a return of a purchase never made, whose id names an Object.prototype member (%s) → 404',
    async (purchaseId) => {
      const result = await send('POST', `${PURCHASES}/${purchaseId}/returns`, {
        returnId: 'r-1',
        amount: { amount: 100, currency: 'TRY' },
      });

      expectRefused(result, 404);
      expect(result.body.code).toBe('not_found');
    },
  );

  it('an invalid id in the path → 400', async () => {
    expectRefused(await send('POST', `/customers/${encodeURIComponent('bad id!')}/purchases`, valid), 400);
  });

  it('a text/plain body → 4xx', async () => {
    const result = await send('POST', PURCHASES, JSON.stringify(valid), {
      headers: { 'content-type': 'text/plain' },
    });

    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    expectRefused(result, result.status);
  });

  it.each([
    ['an enum value outside the vocabulary', '/stage', { to: 'vip' }, 'to'],
    ['an NPS score above 10', '/nps', { surveyId: 's-1', score: 11 }, 'score'],
    ['a fractional NPS score', '/nps', { surveyId: 's-1', score: 7.5 }, 'score'],
    ['a satisfaction score of 0', '/satisfaction', { surveyId: 's-1', score: 0 }, 'score'],
    [
      'a blank complaint description',
      '/complaints',
      { complaintId: 'k-1', category: 'x', description: ' ', channel: 'web' },
      'description',
    ],
    [
      'slaHours beyond a year',
      '/complaints',
      { complaintId: 'k-1', category: 'x', description: 'y', channel: 'web', slaHours: 9000 },
      'slaHours',
    ],
    [
      'a campaign kind outside the vocabulary',
      '/campaign-events',
      { campaignId: 'k', channel: 'email', kind: 'bounced' },
      'kind',
    ],
    ['a tier review without a time zone', '/tier-review', { asOf: '2026-04-01T00:00:00' }, 'asOf'],
  ])('%s on %s → 400 naming the field', async (_, path, body, field) => {
    expectRefused(await send('POST', `/customers/${CUSTOMER}${path}`, body), 400, [field]);
  });

  it('no token → 401', async () => {
    expectRefused(await call<OutcomeBody>(running().baseUrl, 'POST', PURCHASES, { body: valid }), 401);
  });

  it('a garbage token → 401', async () => {
    const result = await call<OutcomeBody>(running().baseUrl, 'POST', PURCHASES, {
      body: valid,
      token: 'not.a.jwt',
    });

    expectRefused(result, 401);
  });

  it('an analyst token on a command → 403', async () => {
    expectRefused(await send('POST', PURCHASES, valid, { role: 'analyst' }), 403);
  });
});
