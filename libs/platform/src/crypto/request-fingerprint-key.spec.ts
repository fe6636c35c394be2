import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteKeyStore } from './adapters/sqlite';
import { MasterKeyRing, masterKeyOf } from './master-key-ring';
import { PersonalDataCipher, REQUEST_FINGERPRINT_SUBJECT } from './personal-data-cipher';
import { rewrapDataKeys } from './rewrap-data-keys';

describe('PersonalDataCipher.requestFingerprintKey', () => {
  let dir: string;
  let keys: SqliteKeyStore;
  let ring: MasterKeyRing;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-fingerprint-key-'));
    keys = SqliteKeyStore.open(join(dir, 'keys.db'));
    ring = new MasterKeyRing(masterKeyOf(randomBytes(32)));
  });

  afterEach(async () => {
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is made once and is the same for every process that shares the key store', async () => {
    const first = await new PersonalDataCipher(keys, ring).requestFingerprintKey();
    const second = await new PersonalDataCipher(keys, ring).requestFingerprintKey();

    expect(first).toHaveLength(32);
    expect(second.equals(first)).toBe(true);
    expect(await keys.find(REQUEST_FINGERPRINT_SUBJECT)).toMatchObject({ state: 'active' });
  });

  it('stays the same after the master key is rotated and the keys rewrapped, so retries still match', async () => {
    const before = await new PersonalDataCipher(keys, ring).requestFingerprintKey();
    const rotated = new MasterKeyRing(masterKeyOf(randomBytes(32)), [ring.current]);
    await rewrapDataKeys(keys, rotated);

    const after = await new PersonalDataCipher(
      keys,
      new MasterKeyRing(rotated.current),
    ).requestFingerprintKey();

    expect(after.equals(before)).toBe(true);
  });

  it('is not touched by erasing customers', async () => {
    const cipher = new PersonalDataCipher(keys, ring);
    const before = await cipher.requestFingerprintKey();

    await cipher.shred('c-1');

    expect((await new PersonalDataCipher(keys, ring).requestFingerprintKey()).equals(before)).toBe(true);
  });
});
