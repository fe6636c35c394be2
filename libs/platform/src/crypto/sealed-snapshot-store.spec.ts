import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Snapshot, SqliteSnapshotStore } from '@crm/event-store';
import { SqliteKeyStore } from './adapters/sqlite';
import { MasterKeyRing, masterKeyOf } from './master-key-ring';
import { PersonalDataCipher } from './personal-data-cipher';
import { SealedSnapshotStore } from './sealed-snapshot-store';

const STATE = JSON.stringify({
  status: 'registered',
  profile: { name: 'Zeynep Kaya', email: 'zeynep@example.com' },
});

const snapshot = (streamId: string, revision = 99): Snapshot => ({
  streamId,
  revision,
  eventId: `event-${revision}`,
  version: 'customer-state.1',
  state: Buffer.from(STATE),
  plain: Buffer.from('p-1 p-2 12500 9900'),
});

describe('SealedSnapshotStore', () => {
  let dir: string;
  let inner: SqliteSnapshotStore;
  let keys: SqliteKeyStore;
  let cipher: PersonalDataCipher;
  let store: SealedSnapshotStore;

  /** The customer's data key, made as their first personal field makes it. */
  const registered = (customerId: string) =>
    cipher.sealEvents(`customer-${customerId}`, [
      {
        id: randomUUID(),
        type: 'CustomerRegistered',
        data: {
          customerId,
          name: 'Zeynep Kaya',
          email: 'zeynep@example.com',
          registeredVia: 'web',
          stage: 'lead',
        },
        schemaVersion: 1,
        occurredAt: '2026-05-01T10:00:00.000Z',
        metadata: {
          actor: { id: 'u-1', kind: 'user', roles: ['service'] },
          commandId: 'c',
          correlationId: 'c',
          causationId: 'c',
          source: 'spec',
        },
      },
    ]);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-sealed-snapshots-'));
    inner = SqliteSnapshotStore.open({ path: join(dir, 'snapshots.db') });
    keys = SqliteKeyStore.open(join(dir, 'keys.db'));
    cipher = new PersonalDataCipher(keys, new MasterKeyRing(masterKeyOf(randomBytes(32))));
    store = new SealedSnapshotStore(inner, cipher);
  });

  afterEach(async () => {
    await store.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stores a customer's state sealed with their data key, its plain part as it is, and loads both", async () => {
    await registered('c-1');

    await store.save(snapshot('customer-c-1'));

    const stored = await inner.load('customer-c-1', 'customer-state.1');
    expect(stored?.state.toString('latin1')).not.toContain('Zeynep');
    expect(stored?.plain).toEqual(snapshot('customer-c-1').plain);
    expect(await store.load('customer-c-1', 'customer-state.1')).toEqual(snapshot('customer-c-1'));
  });

  it('opens no sealed state moved to another customer’s row or revision', async () => {
    await registered('c-1');
    await registered('c-2');
    await store.save(snapshot('customer-c-1'));
    const sealed = (await inner.load('customer-c-1', 'customer-state.1'))!;

    await inner.save({ ...sealed, streamId: 'customer-c-2' });
    await inner.save({ ...sealed, revision: 199 });

    await expect(store.load('customer-c-2', 'customer-state.1')).rejects.toThrow();
    await expect(store.load('customer-c-1', 'customer-state.1')).rejects.toThrow();
  });

  describe('once the customer is erased (their key destroyed)', () => {
    beforeEach(async () => {
      await registered('c-1');
      await store.save(snapshot('customer-c-1'));
      await cipher.shred('c-1');
    });

    it('loads nothing: the stored state can no longer be opened', async () => {
      expect(await store.load('customer-c-1', 'customer-state.1')).toBeUndefined();
    });

    it('writes nothing and deletes what was stored', async () => {
      await store.save(snapshot('customer-c-1', 199));

      expect(await inner.load('customer-c-1', 'customer-state.1')).toBeUndefined();
    });
  });

  it('stores the state of a stream without personal data as it is', async () => {
    await store.save(snapshot('opportunity-o-1'));

    expect(await inner.load('opportunity-o-1', 'customer-state.1')).toEqual(snapshot('opportunity-o-1'));
    expect(await store.load('opportunity-o-1', 'customer-state.1')).toEqual(snapshot('opportunity-o-1'));
  });
});
