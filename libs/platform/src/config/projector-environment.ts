import type { CrmApp } from './topology';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { BusEnvironment } from './bus-environment';

export class ProjectorEnvironment extends BusEnvironment {
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'PROJECTOR_GROUP_PREFIX must be 1-100 of [A-Za-z0-9._-]' })
  PROJECTOR_GROUP_PREFIX = 'crm-projection';

  @IsInt({ message: 'PROJECTOR_BATCH_SIZE must be a whole number' })
  @Min(1, { message: 'PROJECTOR_BATCH_SIZE must be at least 1' })
  @Max(10_000, { message: 'PROJECTOR_BATCH_SIZE must be at most 10000' })
  @Type(() => Number)
  PROJECTOR_BATCH_SIZE = 500;

  @IsInt({ message: 'PROJECTOR_MAX_ATTEMPTS must be a whole number' })
  @Min(1, { message: 'PROJECTOR_MAX_ATTEMPTS must be at least 1' })
  @Max(100, { message: 'PROJECTOR_MAX_ATTEMPTS must be at most 100' })
  @Type(() => Number)
  PROJECTOR_MAX_ATTEMPTS = 3;

  @IsInt({ message: 'PROJECTOR_RETRY_DELAY_MS must be a whole number' })
  @Min(10, { message: 'PROJECTOR_RETRY_DELAY_MS must be at least 10' })
  @Type(() => Number)
  PROJECTOR_RETRY_DELAY_MS = 1_000;

  /**
   * Partitions of the per-customer topic one projection applies at once: each batch waits on the read store,
   * so several partitions in flight keep the projection moving (one partition's batches stay in order).
   */
  @IsInt({ message: 'PROJECTOR_CONCURRENT_PARTITIONS must be a whole number' })
  @Min(1, { message: 'PROJECTOR_CONCURRENT_PARTITIONS must be at least 1' })
  @Max(64, { message: 'PROJECTOR_CONCURRENT_PARTITIONS must be at most 64' })
  @Type(() => Number)
  PROJECTOR_CONCURRENT_PARTITIONS = 6;

  /** Comma-separated projection names this process runs (default: all), to spread projections over processes. */
  @IsOptional()
  @Matches(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, {
    message: 'PROJECTOR_PROJECTIONS must be a comma-separated list of projection names',
  })
  PROJECTOR_PROJECTIONS?: string;

  protected override app(): CrmApp {
    return 'projector';
  }
}
