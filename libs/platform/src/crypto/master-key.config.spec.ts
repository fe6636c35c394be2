import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMasterKeyRing } from './master-key.config';

describe('the master key configuration', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'crm-master-key-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start in production without CRM_MASTER_KEY', () => {
    expect(() => readMasterKeyRing({ NODE_ENV: 'production', CRM_DATA_DIR: dataDir })).toThrow(
      /CRM_MASTER_KEY/,
    );
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => readMasterKeyRing({ CRM_MASTER_KEY: randomBytes(16).toString('base64') })).toThrow(
      /32 bytes/,
    );
  });

  it('outside production generates a development key once and keeps it across restarts', () => {
    const first = readMasterKeyRing({ CRM_DATA_DIR: dataDir });
    const second = readMasterKeyRing({ CRM_DATA_DIR: dataDir });

    expect(second.current.id).toBe(first.current.id);
    expect(second.current.key.equals(first.current.key)).toBe(true);
  });

  it('names keys by fingerprint and still unwraps with a previous key after a rotation', () => {
    const old = randomBytes(32).toString('base64');
    const before = readMasterKeyRing({ CRM_MASTER_KEY: old });
    const { wrapped, masterKeyId, key } = before.newDataKey('c-1');

    const after = readMasterKeyRing({
      CRM_MASTER_KEY: randomBytes(32).toString('base64'),
      CRM_PREVIOUS_MASTER_KEYS: old,
    });

    expect(after.current.id).not.toBe(masterKeyId);
    expect(after.unwrap('c-1', masterKeyId, wrapped).equals(key)).toBe(true);
    expect(() => after.unwrap('c-2', masterKeyId, wrapped)).toThrow();
  });
});
