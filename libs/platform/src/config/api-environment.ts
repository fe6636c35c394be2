import type { CrmApp } from './topology';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { StoreEnvironment } from './store-environment';

/** The API's own settings beyond the stores'; auth, rate limit, schedules and keys have their own readers. */
export class ApiEnvironment extends StoreEnvironment {
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0, { message: 'PORT must be between 0 and 65535' })
  @Max(65_535, { message: 'PORT must be between 0 and 65535' })
  @Type(() => Number)
  PORT = 3000;

  /** Streams whose state the command executor keeps between commands; 0 turns the cache off (ADR 0014). */
  @IsInt({ message: 'COMMAND_STATE_CACHE_SIZE must be a whole number' })
  @Min(0, { message: 'COMMAND_STATE_CACHE_SIZE must be 0 or more' })
  @Type(() => Number)
  COMMAND_STATE_CACHE_SIZE = 10_000;

  /**
   * Customer streams get a snapshot of their command state each time they pass a multiple of this many
   * events, so that a command after a restart reads only the events after it; 0 writes and reads none.
   * 20: a 10,000-event customer's first command after a restart then costs under 2× a new customer's
   * (ADR 0033, docs/benchmarks.md), for one snapshot write every 20 of their commands.
   */
  @IsInt({ message: 'COMMAND_SNAPSHOT_EVERY must be a whole number' })
  @Min(0, { message: 'COMMAND_SNAPSHOT_EVERY must be 0 or more' })
  @Type(() => Number)
  COMMAND_SNAPSHOT_EVERY = 20;

  /** How far past the server's clock a command's `occurredAt` may lie; later is refused with a 422. */
  @IsInt({ message: 'OCCURRED_AT_TOLERANCE_SECONDS must be a whole number' })
  @Min(0, { message: 'OCCURRED_AT_TOLERANCE_SECONDS must be 0 or more' })
  @Type(() => Number)
  OCCURRED_AT_TOLERANCE_SECONDS = 300;

  protected override app(): CrmApp {
    return 'api';
  }
}
