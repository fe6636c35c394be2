import { Logger } from '@nestjs/common';
import { type BusLog, type EventBus, KafkaEventBus, SqliteEventBus } from '@crm/messaging';
import type { BusConfig } from '../config/bus.config';
import { preparePrivateDatabaseFile } from '../storage/private-files';

/** kafkajs's own lines at info and below are noise in production logs; warnings and errors are kept. */
function nestBusLog(logger: Logger): BusLog {
  return (level, message, detail) => {
    const entry = { message, ...detail };
    if (level === 'error') logger.error(entry);
    else if (level === 'warn') logger.warn(entry);
    else if (level === 'info' && detail?.namespace === undefined) logger.log(entry);
    else logger.debug(entry);
  };
}

/** The bus as configured, with the topics the relay publishes to and the projector reads created. */
export async function openEventBus(config: BusConfig): Promise<EventBus> {
  const log = nestBusLog(new Logger('EventBus'));
  if (config.kind === 'sqlite') preparePrivateDatabaseFile(config.path);
  const bus =
    config.kind === 'sqlite'
      ? SqliteEventBus.open({ path: config.path })
      : new KafkaEventBus({
          brokers: config.brokers,
          clientId: config.clientId,
          idempotent: config.idempotent,
          replicationFactor: config.replicationFactor,
          log,
        });
  const { customerEvents, orderedEvents, deadLetters, partitions } = config.topics;
  await bus.ensureTopics([
    { name: customerEvents, partitions },
    { name: orderedEvents, partitions: 1 },
    { name: deadLetters, partitions: 1 },
  ]);
  return bus;
}
