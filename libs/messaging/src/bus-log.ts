export type BusLogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Where an adapter reports what it cannot throw: a refused topic creation, a failed batch, client logs. */
export type BusLog = (level: BusLogLevel, message: string, detail?: Record<string, unknown>) => void;

export const silentBusLog: BusLog = () => undefined;
