import { join } from 'node:path';
import { readCrmMode } from '../crm-mode';

export type KeyStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'mongo'; readonly url: string; readonly databaseName: string };

/**
 * Embedded mode keeps data keys in `$CRM_DATA_DIR/keys.db`, apart from the event log; distributed mode in
 * MongoDB (`MONGO_KEYS_URL`, else MONGO_URL), in their own database `MONGO_KEYS_DB` (default crm_keys).
 */
export function readKeyStoreConfig(env: NodeJS.ProcessEnv): KeyStoreConfig {
  if (readCrmMode(env) === 'embedded') {
    return { kind: 'sqlite', path: join(env.CRM_DATA_DIR ?? './data', 'keys.db') };
  }
  const url = env.MONGO_KEYS_URL ?? env.MONGO_URL;
  if (!url)
    throw new Error('MONGO_KEYS_URL or MONGO_URL is required when CRM_MODE=distributed (the key store)');
  return { kind: 'mongo', url, databaseName: env.MONGO_KEYS_DB ?? 'crm_keys' };
}
