import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateIf } from 'class-validator';
import { StoreEnvironment } from './store-environment';
import { resolveTopology } from './topology';

const TOPIC = /^(?!\.{1,2}$)[a-zA-Z0-9._-]{1,249}$/;
const topicMessage = (setting: string) => `${setting} must be a Kafka topic name: 1-249 of [a-zA-Z0-9._-]`;

/**
 * The relay's and the projector's bus: Kafka (`EVENT_BUS=kafka`), or the SQLite topic log in CRM_DATA_DIR
 * (`EVENT_BUS=embedded`), which processes share through one host's disk.
 */
export class BusEnvironment extends StoreEnvironment {
  @ValidateIf((env: BusEnvironment) => resolveTopology(env).eventBus === 'kafka')
  @Matches(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, {
    message:
      'KAFKA_BROKERS is required when EVENT_BUS=kafka (the default of CRM_MODE=distributed), as host:port[,host:port...]',
  })
  KAFKA_BROKERS?: string;

  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'KAFKA_CLIENT_ID must be 1-100 of [A-Za-z0-9._-]' })
  KAFKA_CLIENT_ID = 'crm';

  @IsIn(['true', 'false'], { message: 'KAFKA_IDEMPOTENT must be "true" or "false"' })
  KAFKA_IDEMPOTENT = 'true';

  @IsInt({ message: 'KAFKA_REPLICATION_FACTOR must be a whole number (-1: the broker default)' })
  @Min(-1, { message: 'KAFKA_REPLICATION_FACTOR must be -1 (the broker default) or at least 1' })
  @Type(() => Number)
  KAFKA_REPLICATION_FACTOR = -1;

  @IsInt({ message: 'BUS_PARTITIONS must be a whole number' })
  @Min(1, { message: 'BUS_PARTITIONS must be at least 1' })
  @Max(1_000, { message: 'BUS_PARTITIONS must be at most 1000' })
  @Type(() => Number)
  BUS_PARTITIONS = 6;

  @Matches(TOPIC, { message: topicMessage('BUS_TOPIC') })
  BUS_TOPIC = 'crm.customer-events';

  @Matches(TOPIC, { message: topicMessage('BUS_ORDERED_TOPIC') })
  BUS_ORDERED_TOPIC = 'crm.customer-events.ordered';

  @Matches(TOPIC, { message: topicMessage('BUS_DEAD_LETTER_TOPIC') })
  BUS_DEAD_LETTER_TOPIC = 'crm.customer-events.dlq';

  @IsOptional()
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0, { message: 'PORT must be between 0 and 65535' })
  @Max(65_535, { message: 'PORT must be between 0 and 65535' })
  @Type(() => Number)
  PORT?: number;
}
