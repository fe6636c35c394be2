import type { CrmApp } from './topology';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BusEnvironment } from './bus-environment';

export class RelayEnvironment extends BusEnvironment {
  @IsInt({ message: 'RELAY_BATCH_SIZE must be a whole number' })
  @Min(1, { message: 'RELAY_BATCH_SIZE must be at least 1' })
  @Max(10_000, { message: 'RELAY_BATCH_SIZE must be at most 10000' })
  @Type(() => Number)
  RELAY_BATCH_SIZE = 500;

  protected override app(): CrmApp {
    return 'relay';
  }
}
