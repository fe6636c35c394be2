import { join } from 'node:path';
import { readCrmMode } from '../crm-mode';

export type ReadStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'mongo'; readonly url: string; readonly databaseName: string };

/** Embedded mode keeps read models in `$CRM_DATA_DIR/read.db`; distributed mode needs MONGO_URL. */
export function readReadStoreConfig(env: NodeJS.ProcessEnv): ReadStoreConfig {
  if (readCrmMode(env) === 'embedded') {
    return { kind: 'sqlite', path: join(env.CRM_DATA_DIR ?? './data', 'read.db') };
  }
  const url = env.MONGO_URL;
  if (!url) {
    throw new Error('MONGO_URL is required when CRM_MODE=distributed (e.g. mongodb://localhost:27017)');
  }
  return { kind: 'mongo', url, databaseName: env.MONGO_DB ?? 'crm' };
}
