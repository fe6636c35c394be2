import type { CommandOutcome } from '@crm/application';
import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';
import { waitForProjections } from './support/wait-for-projections';

type Answer = CommandOutcome & { code?: string; details?: { currentRevision?: number } };

const purchase = (purchaseId: string) => ({ purchaseId, amount: { amount: 25_000, currency: 'TRY' } });

describe('The customer 360’s ETag round-trips as If-Match: read, then write', () => {
  const running = useEmbeddedApp();
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const { baseUrl, token } = running();
    return call<Answer>(baseUrl, 'POST', path, { token: token('service'), body, headers });
  };
  const read360 = () => {
    const { baseUrl, token } = running();
    return call<{ lastRevision: number }>(baseUrl, 'GET', '/customers/c-etag', { token: token('service') });
  };

  beforeAll(async () => {
    const registered = await post('/customers', {
      customerId: 'c-etag',
      name: 'Zeynep Arslan',
      email: 'zeynep@example.com.tr',
      registeredVia: 'web',
    });
    expect(registered.status).toBe(201);
  });

  it('is the stream revision of the last command, so If-Match with it is accepted', async () => {
    const bought = await post('/customers/c-etag/purchases', purchase('p-etag-1'));
    await waitForProjections(running());

    const view = await read360();
    const next = await post('/customers/c-etag/purchases', purchase('p-etag-2'), {
      'if-match': view.headers.get('etag') ?? '',
    });

    expect(view.headers.get('etag')).toBe(`"${bought.body.revision}"`);
    expect(view.headers.get('etag')).toBe(bought.headers.get('etag'));
    expect(next.status).toBe(201);
  });

  it('once the stream has moved on, the old ETag is refused with 409 and the current revision', async () => {
    await waitForProjections(running());
    const view = await read360();
    const moved = await post('/customers/c-etag/purchases', purchase('p-etag-3'));

    const stale = await post('/customers/c-etag/purchases', purchase('p-etag-4'), {
      'if-match': view.headers.get('etag') ?? '',
    });

    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'revision_mismatch',
      details: { currentRevision: moved.body.revision },
    });
  });
});
