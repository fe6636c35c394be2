import type { CommandOutcome } from '@crm/application';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE } from '@crm/platform';
import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';

const purchase = (purchaseId: string, amount = 25_000) => ({
  purchaseId,
  amount: { amount, currency: 'TRY' },
});

describe('Command pipeline over HTTP: idempotency, concurrency, If-Match', () => {
  const running = useEmbeddedApp();
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const { baseUrl, token } = running();
    return call<CommandOutcome & { code?: string }>(baseUrl, 'POST', path, {
      token: token('service'),
      body,
      headers,
    });
  };
  const head = () => running().app.get<EventStore>(EVENT_STORE).headPosition();

  beforeAll(async () => {
    const registered = await post('/customers', {
      customerId: 'c-pipe',
      name: 'Mehmet Kaya',
      email: 'mehmet@example.com.tr',
      registeredVia: 'store',
    });
    expect(registered.status).toBe(201);
  });

  it('appends once for ten retries with the same Idempotency-Key, each answered with the first outcome', async () => {
    const before = await head();
    const key = { 'idempotency-key': 'order-7781-purchase' };

    const first = await post('/customers/c-pipe/purchases', purchase('p-7781'), key);
    const retries = await Promise.all(
      Array.from({ length: 9 }, () => post('/customers/c-pipe/purchases', purchase('p-7781'), key)),
    );

    expect(first.status).toBe(201);
    expect(await head()).toBe(before + first.body.events.length);
    for (const retry of retries) {
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    }
  });

  it('refuses the same key with a different body with 422 and appends nothing', async () => {
    const key = { 'idempotency-key': 'order-7782-purchase' };
    await post('/customers/c-pipe/purchases', purchase('p-7782'), key);
    const before = await head();

    const reused = await post('/customers/c-pipe/purchases', purchase('p-7782', 99_000), key);

    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'idempotency_key_reused' });
    expect(await head()).toBe(before);
  });

  it('treats a commandId in the body like the header', async () => {
    const body = { ...purchase('p-7783'), commandId: 'order-7783' };
    const first = await post('/customers/c-pipe/purchases', body);
    const again = await post('/customers/c-pipe/purchases', body);

    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect(first.body.commandId).toMatch(/^order-7783@[A-Za-z0-9_-]{16}$/);
  });

  it("scopes keys per caller: another caller's same key is another command, neither refused nor replayed", async () => {
    const { baseUrl, token } = running();
    const key = { 'idempotency-key': 'shared-key-1' };
    const mine = await post('/customers/c-pipe/purchases', purchase('p-scope-1'), key);
    const before = await head();

    const theirs = await call<CommandOutcome>(baseUrl, 'POST', '/customers/c-pipe/purchases', {
      token: token('service', 'svc-other'),
      body: purchase('p-scope-2', 7_000),
      headers: key,
    });
    const mineAgain = await post('/customers/c-pipe/purchases', purchase('p-scope-1'), key);

    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.replayed).toBe(false);
    expect(theirs.body.commandId).not.toBe(mine.body.commandId);
    expect(await head()).toBe(before + theirs.body.events.length);
    expect(mineAgain.body).toEqual({ ...mine.body, replayed: true });
  });

  it('lands all of 50 concurrent purchases on one customer', async () => {
    const before = await head();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post('/customers/c-pipe/purchases', purchase(`p-burst-${i}`, 1_000)),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
    const events = await running().app.get<EventStore>(EVENT_STORE).readStream('customer-c-pipe');
    const burst = events.filter((event) =>
      (event.data as { purchaseId?: string }).purchaseId?.startsWith('p-burst-'),
    );
    expect(burst).toHaveLength(50);
    expect(await head()).toBeGreaterThanOrEqual(before + 50);
  });

  it('honours If-Match: the current ETag succeeds, a stale one is 409 naming the current revision', async () => {
    const first = await post('/customers/c-pipe/purchases', purchase('p-if-1'));
    const etag = first.headers.get('etag') ?? '';

    const fresh = await post('/customers/c-pipe/purchases', purchase('p-if-2'), { 'if-match': etag });
    const before = await head();
    const stale = await post('/customers/c-pipe/purchases', purchase('p-if-3'), { 'if-match': etag });

    expect(fresh.status).toBe(201);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'revision_mismatch',
      details: { currentRevision: fresh.body.revision },
    });
    expect(stale.headers.get('etag')).toBe(fresh.headers.get('etag'));
    expect(await head()).toBe(before);
  });

  it('rejects a malformed If-Match or Idempotency-Key with 400', async () => {
    const badMatch = await post('/customers/c-pipe/purchases', purchase('p-h-1'), {
      'if-match': 'yesterday',
    });
    const badKey = await post('/customers/c-pipe/purchases', purchase('p-h-2'), { 'idempotency-key': 'a b' });

    expect([badMatch.status, badKey.status]).toEqual([400, 400]);
  });
});
