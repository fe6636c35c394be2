import { logLevel, type logCreator } from 'kafkajs';
import type { BusLog, BusLogLevel } from '../../bus-log';

const LEVELS: Record<number, BusLogLevel> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * Broker answers kafkajs logs at ERROR (its `Connection` logs every error response) although kafkajs or the
 * bus handles them as part of normal work: a topic another process created first, a rebalance, a coordinator
 * still loading or moving, and the retry limit the bus sets on purpose (`PRODUCER_RETRY`).
 */
const EXPECTED = [
  /already exists/i,
  /rebalanc/i,
  /coordinator is loading/i,
  /coordinator is not available/i,
  /not the correct coordinator/i,
  /not aware of this member/i,
  /Limiting retries for the idempotent producer/i,
];

const isExpected = (message: string, error: unknown): boolean =>
  EXPECTED.some((pattern) => pattern.test(message) || (typeof error === 'string' && pattern.test(error)));

/** Sends kafkajs's own log lines to the application's structured log; expected protocol noise below ERROR. */
export const kafkaLogCreator =
  (log: BusLog): logCreator =>
  () =>
  ({ namespace, level, log: entry }) => {
    const { message, ...detail } = entry;
    const mapped = LEVELS[level] ?? 'info';
    const quiet = (mapped === 'error' || mapped === 'warn') && isExpected(message, detail.error);
    log(quiet ? 'info' : mapped, message, { namespace, ...detail, ...(quiet ? { expected: true } : {}) });
  };
