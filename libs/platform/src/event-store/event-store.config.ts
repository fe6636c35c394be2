import { join } from 'node:path';
import { readCrmMode } from '../crm-mode';

export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'esdb'; readonly connectionString: string };

/** Embedded mode keeps the log in `$CRM_DATA_DIR/events.db` (default ./data); distributed mode needs ESDB_URL. */
export function readEventStoreConfig(env: NodeJS.ProcessEnv): EventStoreConfig {
  if (readCrmMode(env) === 'embedded') {
    return { kind: 'sqlite', path: join(env.CRM_DATA_DIR ?? './data', 'events.db') };
  }
  const connectionString = env.ESDB_URL;
  if (!connectionString) {
    throw new Error('ESDB_URL is required when CRM_MODE=distributed (e.g. esdb://localhost:2113?tls=false)');
  }
  return { kind: 'esdb', connectionString };
}
