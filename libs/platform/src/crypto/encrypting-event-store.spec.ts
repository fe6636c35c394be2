import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomerErasedError, type EventEnvelope, type NewEvent } from '@crm/domain';
import { type EventStore, SqliteEventStore } from '@crm/event-store';
import { requiredMethodsOf } from '../../../event-store/test/support/required-methods';
import { SqliteKeyStore } from './adapters/sqlite';
import { EncryptingEventStore } from './encrypting-event-store';
import { MasterKeyRing, masterKeyOf } from './master-key-ring';
import { PersonalDataCipher, SEALED_PREFIX } from './personal-data-cipher';
import { rewrapDataKeys } from './rewrap-data-keys';

const metadata = {
  actor: { id: 'u-1', kind: 'user' as const, roles: ['service'] },
  commandId: 'cmd',
  correlationId: 'corr',
  causationId: 'cmd',
  source: 'spec',
};

const newEvent = (type: string, data: unknown): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  schemaVersion: type === 'Purchased' ? 2 : 1,
  occurredAt: '2026-05-01T10:00:00.000Z',
  metadata,
});

const registration = (customerId: string) =>
  newEvent('CustomerRegistered', {
    customerId,
    name: 'Zeynep Kaya',
    email: 'zeynep.kaya@example.com',
    address: { line1: 'Atatürk Bulvarı 5', city: 'Ankara', country: 'TR' },
    registeredVia: 'web',
    stage: 'lead',
  });

describe('EncryptingEventStore', () => {
  let dir: string;
  let raw: SqliteEventStore;
  let keys: SqliteKeyStore;
  let ring: MasterKeyRing;
  let store: EventStore;
  const reopened = () => new EncryptingEventStore(raw, new PersonalDataCipher(keys, ring));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-encrypting-store-'));
    raw = SqliteEventStore.open({ path: join(dir, 'events.db') });
    keys = SqliteKeyStore.open(join(dir, 'keys.db'));
    ring = new MasterKeyRing(masterKeyOf(randomBytes(32)));
    store = reopened();
  });

  afterEach(async () => {
    await raw.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores personal fields sealed and gives them back in clear', async () => {
    await store.append('customer-c1', [registration('c1')], 'no_stream');

    const [stored] = await raw.readStream('customer-c1');
    const [read] = await store.readStream('customer-c1');

    expect(JSON.stringify(stored)).not.toMatch(/Zeynep|zeynep|Atatürk|Ankara/);
    expect((stored.data as { name: string }).name.startsWith(SEALED_PREFIX)).toBe(true);
    expect(read.data).toEqual(registration('c1').data);
  });

  it('opens them the same way in the global log and a live subscription', async () => {
    await store.append('customer-c1', [registration('c1')], 'no_stream');

    const [all] = await store.readAll({ after: 0, limit: 10 });
    const subscription = store.subscribeToAll({ after: 0 });
    const iterator = subscription[Symbol.asyncIterator]();
    const { value } = await iterator.next();
    await subscription.close();

    expect((all.data as { email: string }).email).toBe('zeynep.kaya@example.com');
    expect(((value as EventEnvelope).data as { email: string }).email).toBe('zeynep.kaya@example.com');
  });

  it('opens them in the stream-by-stream reads a replay uses, read ahead or not', async () => {
    await store.append('customer-c1', [registration('c1')], 'no_stream');

    const [byStream] = (await store.readAllByStream?.({ until: 1, limit: 10 })) ?? [];
    const pages: EventEnvelope[][] = [];
    for await (const page of store.readAllByStreamPages?.({ until: 1, pageSize: 10 }) ?? []) pages.push(page);

    expect(byStream.data).toEqual(registration('c1').data);
    expect(pages).toEqual([[byStream]]);
  });

  it('opens the event a lookup by id finds, and lacks the lookup when the inner store does', async () => {
    const registered = registration('c1');
    await store.append('customer-c1', [registered], 'no_stream');

    const found = await store.readEventById?.(registered.id);
    const withoutIt = new EncryptingEventStore(
      { ...requiredMethodsOf(raw), readEventById: undefined },
      new PersonalDataCipher(keys, ring),
    );

    expect(found?.data).toEqual(registered.data);
    expect(await store.readEventById?.(randomUUID())).toBeUndefined();
    expect(withoutIt.readEventById).toBeUndefined();
  });

  it('seals a value that only looks sealed, so no caller can plant one to be opened', async () => {
    const planted = {
      ...registration('c1'),
      data: { ...(registration('c1').data as object), name: `${SEALED_PREFIX}AAAA` },
    };
    await store.append('customer-c1', [planted], 'no_stream');

    const [read] = await store.readStream('customer-c1');

    expect((read.data as { name: string }).name).toBe(`${SEALED_PREFIX}AAAA`);
  });

  it('keeps a retried append idempotent although each sealing draws a fresh IV', async () => {
    const events = [registration('c1')];
    await store.append('customer-c1', events, 'no_stream');

    const retry = await store.append('customer-c1', events, 'no_stream');

    expect(retry.deduplicated).toBe(true);
    expect(await raw.readStream('customer-c1')).toHaveLength(1);
  });

  it('shows personal fields as erased after CustomerErased, to a cold reader too, and keeps the facts', async () => {
    await store.append('customer-c1', [registration('c1')], 'no_stream');
    await store.append(
      'customer-c1',
      [
        newEvent('Purchased', { purchaseId: 'p1', amount: { amount: 12_500, currency: 'TRY' } }),
        newEvent('Complained', {
          complaintId: 'k1',
          category: 'delivery',
          description: 'Zeynep waited',
          channel: 'web',
          slaHours: 72,
        }),
        newEvent('CustomerErased', { reason: 'KVKK request 7' }),
      ],
      0,
    );

    for (const reader of [store, reopened()]) {
      const [registered, purchased, complained] = await reader.readStream('customer-c1');
      expect(registered.data).toMatchObject({
        name: '[erased]',
        email: '[erased]',
        address: { line1: '[erased]', city: '[erased]', country: 'TR' },
        registeredVia: 'web',
      });
      expect(purchased.data).toEqual({ purchaseId: 'p1', amount: { amount: 12_500, currency: 'TRY' } });
      expect(complained.data).toMatchObject({ description: '[erased]', category: 'delivery' });
    }
    expect((await keys.find('c1'))?.state).toBe('destroyed');
  });

  it('refuses new personal data for an erased customer instead of issuing a new key', async () => {
    await store.append(
      'customer-c1',
      [registration('c1'), newEvent('CustomerErased', { reason: 'r' })],
      'no_stream',
    );

    await expect(
      store.append('customer-c1', [newEvent('CustomerProfileUpdated', { name: 'Again' })], 'any'),
    ).rejects.toThrow(CustomerErasedError);
  });

  it('gives each customer a key of their own: erasing one leaves the other readable', async () => {
    await store.append('customer-c1', [registration('c1')], 'no_stream');
    await store.append('customer-c2', [registration('c2')], 'no_stream');
    await store.append('customer-c1', [newEvent('CustomerErased', { reason: 'r' })], 0);

    const [other] = await reopened().readStream('customer-c2');

    expect((other.data as { name: string }).name).toBe('Zeynep Kaya');
  });

  it('reads the same after the master key is rotated and the data keys rewrapped', async () => {
    await store.append('customer-c1', [registration('c1')], 'no_stream');
    const rotated = new MasterKeyRing(masterKeyOf(randomBytes(32)), [ring.current]);

    expect(await rewrapDataKeys(keys, rotated)).toEqual({ examined: 1, rewrapped: 1 });
    ring = new MasterKeyRing(rotated.current);
    const [read] = await reopened().readStream('customer-c1');

    expect((read.data as { name: string }).name).toBe('Zeynep Kaya');
    expect(await rewrapDataKeys(keys, ring)).toEqual({ examined: 1, rewrapped: 0 });
  });
});
