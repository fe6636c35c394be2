import { join } from 'node:path';
import { resolveTopology } from '../config/topology';

export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'esdb'; readonly connectionString: string };

/** `EVENT_STORE=sqlite` keeps the log in `$CRM_DATA_DIR/events.db` (default ./data); `EVENT_STORE=esdb` needs ESDB_URL. */
export function readEventStoreConfig(env: NodeJS.ProcessEnv): EventStoreConfig {
  if (resolveTopology(env).eventStore === 'sqlite') {
    return { kind: 'sqlite', path: join(env.CRM_DATA_DIR ?? './data', 'events.db') };
  }
  const connectionString = env.ESDB_URL;
  if (!connectionString) {
    throw new Error('ESDB_URL is required when EVENT_STORE=esdb (e.g. esdb://localhost:2113?tls=false)');
  }
  return { kind: 'esdb', connectionString };
}
