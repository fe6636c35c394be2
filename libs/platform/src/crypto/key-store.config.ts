import { join } from 'node:path';
import { resolveTopology } from '../config/topology';

export type KeyStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'mongo'; readonly url: string; readonly databaseName: string };

/**
 * `KEY_STORE=sqlite` keeps data keys in `$CRM_DATA_DIR/keys.db`, apart from the event log; `KEY_STORE=mongo` in
 * MongoDB (`MONGO_KEYS_URL`, else MONGO_URL), in their own database `MONGO_KEYS_DB` (default crm_keys).
 */
export function readKeyStoreConfig(env: NodeJS.ProcessEnv): KeyStoreConfig {
  if (resolveTopology(env).keyStore === 'sqlite') {
    return { kind: 'sqlite', path: join(env.CRM_DATA_DIR ?? './data', 'keys.db') };
  }
  const url = env.MONGO_KEYS_URL ?? env.MONGO_URL;
  if (!url) throw new Error('MONGO_KEYS_URL or MONGO_URL is required when KEY_STORE=mongo');
  return { kind: 'mongo', url, databaseName: env.MONGO_KEYS_DB ?? 'crm_keys' };
}
