import { logLevel, type logCreator } from 'kafkajs';
import type { BusLog, BusLogLevel } from '../../bus-log';

const LEVELS: Record<number, BusLogLevel> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** Sends kafkajs's own log lines to the application's structured log. */
export const kafkaLogCreator =
  (log: BusLog): logCreator =>
  () =>
  ({ namespace, level, log: entry }) => {
    const { message, ...detail } = entry;
    log(LEVELS[level] ?? 'info', message, { namespace, ...detail });
  };
