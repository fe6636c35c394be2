import { MongoKeyStore } from './adapters/mongo';
import { SqliteKeyStore } from './adapters/sqlite';
import { DataKeyCache } from './data-key-cache';
import type { KeyStore } from './key-store';
import { type KeyStoreConfig, readKeyStoreConfig } from './key-store.config';
import { readMasterKeyRing } from './master-key.config';
import type { MasterKeyRing } from './master-key-ring';
import { PersonalDataCipher } from './personal-data-cipher';
import { preparePrivateDatabaseFile } from '../storage/private-files';

export interface DataProtection {
  readonly keys: KeyStore;
  readonly ring: MasterKeyRing;
  readonly cipher: PersonalDataCipher;
}

export async function openKeyStore(config: KeyStoreConfig): Promise<KeyStore> {
  if (config.kind === 'sqlite') {
    preparePrivateDatabaseFile(config.path);
    return SqliteKeyStore.open(config.path);
  }
  return MongoKeyStore.connect({ url: config.url, databaseName: config.databaseName });
}

/** The key store, master keys and cipher as configured (CRM_MODE, CRM_MASTER_KEY, CRM_DATA_KEY_CACHE_*). */
export async function openDataProtection(env: NodeJS.ProcessEnv): Promise<DataProtection> {
  const ring = readMasterKeyRing(env);
  const keys = await openKeyStore(readKeyStoreConfig(env));
  const cache = new DataKeyCache({
    capacity: positive(env.CRM_DATA_KEY_CACHE_SIZE, 10_000),
    activeTtlMs: positive(env.CRM_DATA_KEY_CACHE_TTL_MS, 60_000),
  });
  return { keys, ring, cipher: new PersonalDataCipher(keys, ring, { cache }) };
}

function positive(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0)
    throw new Error(`expected a positive integer, got "${value}"`);
  return parsed;
}
