import { randomUUID } from 'node:crypto';
import type { EventStore } from '@crm/event-store';
import { DATA_PROTECTION, type DataProtection, SEALED_EVENT_STORE } from '@crm/platform';
import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('An erasure interrupted between CustomerErased and the key destruction (embedded mode)', () => {
  const running = useEmbeddedApp();

  it('is completed by the erasure reactor: the key goes and the history reads "[erased]"', async () => {
    const { app, baseUrl, token } = running();
    await call(baseUrl, 'POST', '/customers', {
      token: token('service'),
      body: { customerId: 'c-crash', name: 'Crash Test', email: 'crash@example.org', registeredVia: 'web' },
    });
    // What a process that died right after the append leaves behind: the event, but still the key.
    const commandId = randomUUID();
    await app.get<EventStore>(SEALED_EVENT_STORE).append(
      'customer-c-crash',
      [
        {
          id: randomUUID(),
          type: 'CustomerErased',
          schemaVersion: 1,
          occurredAt: new Date().toISOString(),
          data: { reason: 'KVKK request' },
          metadata: {
            actor: { id: 'admin-1', kind: 'user', roles: ['admin'] },
            commandId,
            correlationId: commandId,
            causationId: commandId,
            source: 'e2e-tests',
          },
        },
      ],
      0,
    );
    const { cipher } = app.get<DataProtection>(DATA_PROTECTION);

    const deadline = Date.now() + 5_000;
    while (!(await cipher.isShredded('c-crash')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const history = await call<Body>(baseUrl, 'GET', '/customers/c-crash/history', {
      token: token('auditor'),
    });

    expect(await cipher.isShredded('c-crash')).toBe(true);
    expect(history.body.items[0].data).toMatchObject({ name: '[erased]', email: '[erased]' });
  });
});
