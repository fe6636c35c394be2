import { IsIn, IsNotEmpty, IsOptional, Matches, ValidateIf } from 'class-validator';
import { ESDB_CONNECTION_STRING } from '@crm/event-store/adapters/esdb/esdb-connection-string';
import type { CrmMode } from '../crm-mode';

const distributed = (env: StoreEnvironment): boolean => env.CRM_MODE === 'distributed';

/** Settings every app reads: the mode and where the event store and read store live. */
export class StoreEnvironment {
  @IsIn(['embedded', 'distributed'], { message: 'CRM_MODE must be "embedded" or "distributed"' })
  CRM_MODE: CrmMode = 'embedded';

  @IsOptional()
  @IsNotEmpty({ message: 'CRM_DATA_DIR must not be empty' })
  CRM_DATA_DIR?: string;

  @ValidateIf(distributed)
  @Matches(ESDB_CONNECTION_STRING, {
    message:
      'ESDB_URL is required when CRM_MODE=distributed and must be an esdb:// or esdb+discover:// connection string',
  })
  ESDB_URL?: string;

  @ValidateIf(distributed)
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, {
    message: 'MONGO_URL is required when CRM_MODE=distributed and must be a mongodb:// connection string',
  })
  MONGO_URL?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'MONGO_DB must be a database name of [A-Za-z0-9_-]' })
  MONGO_DB?: string;
}
