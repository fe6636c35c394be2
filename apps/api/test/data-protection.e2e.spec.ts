import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { exportCommand } from '../../cli/src/export.command';
import { type RunningApp, startEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';
import {
  ERASED_ONE,
  FROM,
  history,
  ID,
  NAME,
  NEW_EMAIL,
  OTHER,
  PERSONAL,
  PHONE,
  STAYING,
  TO,
  TRY,
} from './support/personal-data-fixtures';
import { waitForProjections } from './support/wait-for-projections';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Personal data protection over HTTP: encryption, erasure, subject access (embedded mode)', () => {
  let dataDir: string;
  let running: RunningApp;
  let kpisBefore: Body[];
  let wrappedKey: string;

  const get = (path: string, role: 'analyst' | 'auditor' | 'admin' = 'analyst') =>
    call<Body>(running.baseUrl, 'GET', path, { token: running.token(role) });
  const send = (method: string, path: string, body: Body, role: 'service' | 'admin' = 'service') =>
    call<Body>(running.baseUrl, method, path, { token: running.token(role), body });
  const nonPersonalKpis = async (): Promise<Body[]> =>
    ((await get(`/kpis?from=${FROM}&to=${TO}`)).body.kpis as Body[]).filter(
      // By their definitions erasure moves these on purpose: opt-in growth subtracts erased customers who held
      // an opt-in (RULES.md), and the CLV distribution is over listed customers, which erased ones leave.
      (kpi) => kpi.key !== 'opt_in_list_growth' && !String(kpi.key).startsWith('clv_distribution.'),
    );
  /** Every SQLite file of the data directory (events, read store, key store, with their -wal and -shm). */
  const databaseFiles = (): string[] =>
    readdirSync(dataDir)
      .filter((file) => /\.db(-wal|-shm)?$/.test(file))
      .map((file) => join(dataDir, file));
  const clearTextIn = (needles: readonly string[]): string[] =>
    databaseFiles().flatMap((file) => {
      const bytes = readFileSync(file);
      return needles
        .filter((needle) => bytes.includes(Buffer.from(needle, 'utf8')))
        .map((n) => `${file}: ${n}`);
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-data-protection-'));
    Object.assign(process.env, {
      CRM_DATA_DIR: dataDir,
      TIER_REVIEW_ENABLED: 'false',
      AUTOMATION_ENABLED: 'false',
      // Every second event, so that each customer of the history has snapshots of their state.
      COMMAND_SNAPSHOT_EVERY: '2',
    });
    running = await startEmbeddedApp();
    for (const [method, path, body] of [...history(ERASED_ONE), ...history(STAYING)]) {
      const response = await send(method, path, body);
      if (response.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(response.body)}`);
    }
    await waitForProjections(running);
    kpisBefore = await nonPersonalKpis();
    const keys = new Database(join(dataDir, 'keys.db'), { readonly: true });
    wrappedKey = (
      keys.prepare('SELECT wrapped FROM data_keys WHERE subject_id = ?').get(ID) as { wrapped: string }
    ).wrapped;
    keys.close();
  });

  afterAll(async () => {
    await running?.app.close();
    for (const key of ['CRM_DATA_DIR', 'TIER_REVIEW_ENABLED', 'AUTOMATION_ENABLED', 'COMMAND_SNAPSHOT_EVERY'])
      delete process.env[key];
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('before erasure', () => {
    it('stores no personal field in clear in the event log, yet serves them decrypted', async () => {
      const log = [join(dataDir, 'events.db'), join(dataDir, 'events.db-wal')].filter(existsSync);
      const leaks = log.flatMap((file) =>
        PERSONAL.filter((value) => readFileSync(file).includes(Buffer.from(value))),
      );

      const view = await get(`/customers/${ID}`);
      const found = await get('/customers?q=zümrüt');

      expect(leaks).toEqual([]);
      expect(view.body.profile).toMatchObject({ name: NAME, email: NEW_EMAIL, phone: PHONE });
      expect(found.body.items.map((doc: Body) => doc.customerId)).toEqual([ID]);
    });

    it("keeps each customer's command-state snapshot sealed: no personal field in clear in snapshots.db", () => {
      const snapshots = new Database(join(dataDir, 'snapshots.db'), { readonly: true });
      const streams = snapshots.prepare('SELECT stream_id FROM snapshots ORDER BY stream_id').pluck().all();
      snapshots.close();

      expect(streams).toEqual(expect.arrayContaining([`customer-${ID}`]));
      expect(clearTextIn(PERSONAL).filter((leak) => leak.includes('snapshots.db'))).toEqual([]);
    });

    it('refuses a campaign send on a channel whose consent was withdrawn, appending nothing', async () => {
      await send('POST', `/customers/${OTHER}/consents/withdrawal`, {
        purpose: 'marketing',
        channel: 'email',
        source: 'unsubscribe',
      });
      const head = (await get('/health')).body.eventStore.headPosition;

      const sent = await send('POST', `/customers/${OTHER}/campaign-events`, {
        campaignId: 'autumn',
        channel: 'email',
        kind: 'sent',
      });

      expect(sent.status).toBe(422);
      expect(sent.body.code).toBe('consent_required');
      expect((await get('/health')).body.eventStore.headPosition).toBe(head);
    });
  });

  describe('after POST /customers/{id}/erasure', () => {
    let erasure: Body;

    beforeAll(async () => {
      erasure = await send(
        'POST',
        `/customers/${ID}/erasure`,
        { reason: 'KVKK erasure request #2026-311' },
        'admin',
      );
      await waitForProjections(running);
    });

    it('appends CustomerErased and refuses further commands with 410', async () => {
      expect(erasure.status).toBe(200);
      expect(erasure.body.events.map((event: Body) => event.type)).toEqual(['CustomerErased']);
      expect((await send('PATCH', `/customers/${ID}`, { name: 'Back again' })).status).toBe(410);
    });

    it('shows the personal fields as erased in the 360 and keeps the facts: tier, spend, consents', async () => {
      const view = (await get(`/customers/${ID}`)).body;

      expect(view).toMatchObject({ erased: true, tier: 'silver', netSpend: 1_200_000 });
      expect(view.profile).toEqual({
        name: '[erased]',
        email: '[erased]',
        phone: '[erased]',
        address: { line1: '[erased]', city: '[erased]', country: 'TR' },
        nameLower: null,
        emailLower: null,
      });
      expect(view.consents.active).toEqual([
        expect.objectContaining({ purpose: 'marketing', channel: 'email', evidenceRef: 'consent-log/77' }),
      ]);
    });

    it('no longer finds the customer by name or e-mail prefix', async () => {
      expect((await get('/customers?q=zümrüt')).body.items).toEqual([]);
      expect((await get('/customers?q=zumrut.')).body.items).toEqual([]);
    });

    it('leaves the non-personal KPIs as they were', async () => {
      expect(await nonPersonalKpis()).toEqual(kpisBefore);
    });

    it('exports everything held, erased fields as "[erased]", and logs the export as SensitiveRecordViewed', async () => {
      const exported = await get(`/customers/${ID}/data-export?purpose=KVKK%20request%202026-311`, 'auditor');
      const text = JSON.stringify(exported.body);

      expect(exported.status).toBe(200);
      expect(exported.body.erased).toBe(true);
      expect(
        exported.body.events.find((event: Body) => event.type === 'CustomerRegistered').data,
      ).toMatchObject({
        name: '[erased]',
        email: '[erased]',
        registeredVia: 'web',
      });
      expect(exported.body.events.find((event: Body) => event.type === 'Purchased').data.amount).toEqual(
        TRY(1_200_000),
      );
      expect(exported.body.consents.active).toHaveLength(1);
      expect(exported.body.readModels.customer360.customerId).toBe(ID);
      expect(exported.body.accessLog.map((event: Body) => event.data)).toContainEqual({
        record: 'data-export',
        customerId: ID,
        purpose: 'KVKK request 2026-311',
      });
      expect(PERSONAL.filter((value) => text.includes(value))).toEqual([]);
    });

    it('shows the export in the audit trail, with who read it, and no personal data in any entry', async () => {
      await waitForProjections(running);
      const trail = await get(`/audit?customerId=${ID}&type=SensitiveRecordViewed`, 'auditor');
      const everything = await get(`/audit?customerId=${ID}&limit=500`, 'auditor');

      expect(trail.body.items).toContainEqual(
        expect.objectContaining({
          streamId: `access-${ID}`,
          customerId: ID,
          actorId: 'test-auditor',
          source: 'e2e-tests',
        }),
      );
      expect(PERSONAL.filter((value) => JSON.stringify(everything.body).includes(value))).toEqual([]);
    });

    it('writes the erased fields into `crm export` as well', async () => {
      const out = join(dataDir, 'export.jsonl');
      jest.spyOn(console, 'error').mockImplementation(() => undefined);
      await exportCommand().exitOverride().parseAsync(['--customer', ID, '--out', out], { from: 'user' });
      jest.restoreAllMocks();
      const lines = readFileSync(out, 'utf8');

      expect(lines).toContain('"name":"[erased]"');
      expect(PERSONAL.filter((value) => lines.includes(value))).toEqual([]);
      rmSync(out);
    });

    it('leaves neither the clear values nor the wrapped key in any SQLite file, -wal included', () => {
      expect(databaseFiles().map((file) => file.slice(dataDir.length + 1))).toEqual(
        expect.arrayContaining(['events.db', 'read.db', 'keys.db', 'snapshots.db']),
      );
      expect(clearTextIn([...PERSONAL, wrappedKey])).toEqual([]);
    });

    describe('and a full rebuild of every read model from the log', () => {
      beforeAll(async () => {
        await running.app.close();
        for (const file of ['read.db', 'read.db-wal', 'read.db-shm'])
          rmSync(join(dataDir, file), { force: true });
        running = await startEmbeddedApp();
        await waitForProjections(running, 20_000);
      });

      it('stays erased: the 360 shows "[erased]", search misses, the facts and KPIs are the same', async () => {
        const view = (await get(`/customers/${ID}`)).body;

        expect(view).toMatchObject({ erased: true, tier: 'silver', netSpend: 1_200_000 });
        expect(view.profile).toMatchObject({ name: '[erased]', email: '[erased]', nameLower: null });
        expect((await get('/customers?q=zümrüt')).body.items).toEqual([]);
        expect(await nonPersonalKpis()).toEqual(kpisBefore);
        expect((await get(`/customers/${OTHER}`)).body.profile.name).toBe('Deniz Kalır');
      });

      it('still finds no clear value in any SQLite file', () => {
        expect(clearTextIn(PERSONAL)).toEqual([]);
      });
    });
  });
});
