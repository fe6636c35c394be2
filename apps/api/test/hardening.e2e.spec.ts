import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { type RunningApp, startEmbeddedApp, useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';
import { waitForProjections } from './support/wait-for-projections';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Hardening over HTTP (embedded mode)', () => {
  describe('with the API on its own data directory', () => {
    let root: string;
    let dataDir: string;
    let running: RunningApp;

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'crm-hardening-'));
      dataDir = join(root, 'data');
      Object.assign(process.env, {
        CRM_DATA_DIR: dataDir,
        TIER_REVIEW_ENABLED: 'false',
        AUTOMATION_ENABLED: 'false',
        AUTH_FAILURES_PER_MINUTE: '3',
      });
      running = await startEmbeddedApp();
      const registered = await call(running.baseUrl, 'POST', '/customers', {
        token: running.token('service'),
        body: { customerId: 'c-h', name: 'Hale Sert', email: 'hale@example.org', registeredVia: 'web' },
      });
      expect(registered.status).toBe(201);
      await waitForProjections(running);
    });

    afterAll(async () => {
      await running?.app.close();
      for (const key of [
        'CRM_DATA_DIR',
        'TIER_REVIEW_ENABLED',
        'AUTOMATION_ENABLED',
        'AUTH_FAILURES_PER_MINUTE',
      ])
        delete process.env[key];
      rmSync(root, { recursive: true, force: true });
    });

    it('creates its data directory 0700 and every file in it 0600, WAL and SHM included', () => {
      const files = readdirSync(dataDir);
      const modes = Object.fromEntries(
        files.map((file) => [file, statSync(join(dataDir, file)).mode & 0o777]),
      );

      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(files).toEqual(
        expect.arrayContaining(['events.db', 'events.db-wal', 'read.db', 'read.db-wal', 'keys.db']),
      );
      expect(Object.entries(modes).filter(([, mode]) => mode !== 0o600)).toEqual([]);
    });

    it('sends no-store, nosniff and the standard protective headers with personal data', async () => {
      const view = await call(running.baseUrl, 'GET', '/customers/c-h', { token: running.token('service') });
      const docs = await fetch(`${running.baseUrl}/docs`);

      expect(view.status).toBe(200);
      expect(view.headers.get('cache-control')).toBe('no-store');
      expect(view.headers.get('x-content-type-options')).toBe('nosniff');
      expect(view.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(view.headers.get('x-frame-options')).toBe('DENY');
      expect(view.headers.get('referrer-policy')).toBe('no-referrer');
      expect(docs.headers.get('content-security-policy')).toContain("script-src 'self'");
    });

    it('throttles failed authentications per address before reading the token, valid or not', async () => {
      const unauthorized = [];
      for (let i = 0; i < 4; i++)
        unauthorized.push(
          (await call(running.baseUrl, 'GET', '/customers/c-h', { token: 'not.a.token' })).status,
        );
      const blocked = await call<Body>(running.baseUrl, 'GET', '/customers/c-h', {
        token: running.token('service'),
      });

      expect(unauthorized).toEqual([401, 401, 401, 401]);
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('too_many_requests');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('with the shared test settings', () => {
    const running = useEmbeddedApp();
    const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
      call<Body>(running().baseUrl, method, path, { token: running().token('admin'), body, headers });

    beforeAll(async () => {
      await send('POST', '/customers', {
        customerId: 'c-t',
        name: 'Tolga Saat',
        email: 'tolga@example.org',
        registeredVia: 'web',
      });
    });

    it('stores an instant given with an offset in UTC', async () => {
      const nps = await send('POST', '/customers/c-t/nps', {
        surveyId: 's-1',
        score: 9,
        occurredAt: '2026-03-01T12:00:00+03:00',
      });
      const history = await call<Body>(running().baseUrl, 'GET', '/customers/c-t/history', {
        token: running().token('auditor'),
      });

      expect(nps.status).toBe(201);
      expect(history.body.items.find((event: Body) => event.type === 'NpsAnswered').occurredAt).toBe(
        '2026-03-01T09:00:00.000Z',
      );
    });

    it.each([
      [
        'register',
        'POST',
        '/customers',
        { customerId: 'c-z', name: 'Z', email: 'z@example.org', registeredVia: 'web' },
      ],
      ['profile', 'PATCH', '/customers/c-t', { phone: '+90 532 555 01 02' }],
      ['tier review', 'POST', '/customers/c-t/tier-review', { asOf: '2026-01-01T00:00:00Z' }],
      ['tier floor', 'PUT', '/customers/c-t/tier-floor', { tier: 'gold' }],
      [
        'consents',
        'POST',
        '/customers/c-t/consents',
        { purpose: 'marketing', channel: 'sms', legalBasis: 'consent', source: 'web', evidenceRef: 'ev-1' },
      ],
      [
        'campaign events',
        'POST',
        '/customers/c-t/campaign-events',
        { campaignId: 'k', channel: 'email', kind: 'sent' },
      ],
      ['NPS', 'POST', '/customers/c-t/nps', { surveyId: 's-2', score: 7 }],
      ['satisfaction', 'POST', '/customers/c-t/satisfaction', { surveyId: 's-3', score: 4 }],
      [
        'opportunities',
        'POST',
        '/opportunities',
        { customerId: 'c-t', title: 'Fleet', amount: { amount: 100, currency: 'TRY' } },
      ],
    ])('refuses an occurredAt without a zone, or a date alone, on %s', async (_, method, path, body) => {
      for (const occurredAt of ['2026-03-01T09:00:00', '2026-03-01']) {
        const refused = await send(method, path, { ...body, occurredAt });

        expect(refused.status).toBe(400);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt' })]);
      }
    });

    it('refuses "stage": null on POST /opportunities like every other null', async () => {
      const refused = await send('POST', '/opportunities', {
        customerId: 'c-t',
        title: 'Fleet',
        amount: { amount: 100, currency: 'TRY' },
        stage: null,
      });

      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'stage' })]);
    });

    it('refuses an If-Match past 2^53 instead of rounding it', async () => {
      const refused = await send(
        'POST',
        '/customers/c-t/stage',
        { to: 'prospect' },
        { 'if-match': '"9007199254740993"' },
      );

      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
    });

    it('answers a token for another audience or issuer with a 401 that names neither', async () => {
      const jwt = new JwtService({ secret: 'x'.repeat(32) });
      const issuer = running().app.get(JwtService);
      const wrongAudience = issuer.sign(
        { sub: 'a', roles: ['admin'] },
        { audience: 'someone-else', issuer: 'crm', expiresIn: 60 },
      );
      const wrongIssuer = issuer.sign(
        { sub: 'a', roles: ['admin'] },
        { audience: 'crm-api', issuer: 'evil', expiresIn: 60 },
      );
      const objectAzp = issuer.sign(
        { sub: 'a', roles: ['admin'], azp: { service: 'x' } },
        { audience: 'crm-api', issuer: 'crm', expiresIn: 60 },
      );
      const forged = jwt.sign(
        { sub: 'a', roles: ['admin'] },
        { audience: 'crm-api', issuer: 'crm', expiresIn: 60 },
      );

      for (const token of [wrongAudience, wrongIssuer, objectAzp, forged]) {
        const refused = await call<Body>(running().baseUrl, 'GET', '/customers/c-t', { token });

        expect(refused.status).toBe(401);
        expect(JSON.stringify(refused.body)).not.toMatch(/crm-api|expected|someone-else|evil/);
      }
    });
  });
});
