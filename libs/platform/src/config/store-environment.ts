import { IsIn, IsNotEmpty, IsOptional, Matches, ValidateIf } from 'class-validator';
import { ESDB_CONNECTION_STRING } from '@crm/event-store/adapters/esdb/esdb-connection-string';
import type { CrmMode } from '../crm-mode';
import {
  type CrmApp,
  EVENT_BUS_KINDS,
  EVENT_STORE_KINDS,
  KEY_STORE_KINDS,
  READ_STORE_KINDS,
  resolveTopology,
  type TopologyProblem,
  topologyProblems,
} from './topology';

const kindsMessage = (setting: string, kinds: readonly string[]) =>
  `${setting} must be one of ${kinds.map((kind) => `"${kind}"`).join(', ')} (default: from CRM_MODE)`;

/**
 * Settings every app reads: which adapter serves each port and where it lives. `CRM_MODE` is a preset
 * (embedded: sqlite, embedded bus, sqlite, sqlite; distributed: esdb, kafka, mongo, mongo); `EVENT_STORE`,
 * `EVENT_BUS`, `READ_STORE` and `KEY_STORE` override it port by port (docs/operations.md "Topologies").
 */
export class StoreEnvironment {
  @IsIn(['embedded', 'distributed'], { message: 'CRM_MODE must be "embedded" or "distributed"' })
  CRM_MODE: CrmMode = 'embedded';

  @IsOptional()
  @IsIn(EVENT_STORE_KINDS, { message: kindsMessage('EVENT_STORE', EVENT_STORE_KINDS) })
  EVENT_STORE?: string;

  @IsOptional()
  @IsIn(EVENT_BUS_KINDS, { message: kindsMessage('EVENT_BUS', EVENT_BUS_KINDS) })
  EVENT_BUS?: string;

  @IsOptional()
  @IsIn(READ_STORE_KINDS, { message: kindsMessage('READ_STORE', READ_STORE_KINDS) })
  READ_STORE?: string;

  @IsOptional()
  @IsIn(KEY_STORE_KINDS, { message: kindsMessage('KEY_STORE', KEY_STORE_KINDS) })
  KEY_STORE?: string;

  @IsOptional()
  @IsNotEmpty({ message: 'CRM_DATA_DIR must not be empty' })
  CRM_DATA_DIR?: string;

  @ValidateIf((env: StoreEnvironment) => resolveTopology(env).eventStore === 'esdb')
  @Matches(ESDB_CONNECTION_STRING, {
    message:
      'ESDB_URL is required when EVENT_STORE=esdb (the default of CRM_MODE=distributed) and must be an esdb:// or esdb+discover:// connection string',
  })
  ESDB_URL?: string;

  @ValidateIf(
    (env: StoreEnvironment) =>
      resolveTopology(env).readStore === 'mongo' ||
      (resolveTopology(env).keyStore === 'mongo' && !env.MONGO_KEYS_URL),
  )
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, {
    message:
      'MONGO_URL is required when READ_STORE=mongo or KEY_STORE=mongo (the defaults of CRM_MODE=distributed) and must be a mongodb:// connection string',
  })
  MONGO_URL?: string;

  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGO_KEYS_URL must be a mongodb:// connection string' })
  MONGO_KEYS_URL?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'MONGO_DB must be a database name of [A-Za-z0-9_-]' })
  MONGO_DB?: string;

  /** Adapter combinations that cannot work for this app; start-up refuses them, naming the settings. */
  combinationProblems(): TopologyProblem[] {
    return topologyProblems(this.app(), resolveTopology(this));
  }

  protected app(): CrmApp {
    return 'cli';
  }
}
