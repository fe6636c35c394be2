import { join } from 'node:path';
import { resolveTopology } from '../config/topology';

export type ReadStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'mongo'; readonly url: string; readonly databaseName: string };

/** `READ_STORE=sqlite` keeps read models in `$CRM_DATA_DIR/read.db`; `READ_STORE=mongo` needs MONGO_URL. */
export function readReadStoreConfig(env: NodeJS.ProcessEnv): ReadStoreConfig {
  if (resolveTopology(env).readStore === 'sqlite') {
    return { kind: 'sqlite', path: join(env.CRM_DATA_DIR ?? './data', 'read.db') };
  }
  const url = env.MONGO_URL;
  if (!url) {
    throw new Error('MONGO_URL is required when READ_STORE=mongo (e.g. mongodb://localhost:27017)');
  }
  return { kind: 'mongo', url, databaseName: env.MONGO_DB ?? 'crm' };
}
