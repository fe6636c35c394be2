import { randomBytes } from 'node:crypto';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import {
  DataKeyCache,
  EncryptingEventStore,
  KEY_BYTES,
  MasterKeyRing,
  masterKeyOf,
  MongoKeyStore,
  PersonalDataCipher,
} from '@crm/platform';
import { decidedHistory } from '../replay/decided-history';

/** Streams with appends in flight at once: the group-commit queue writes them together. */
const APPENDS_IN_FLIGHT = 1_000;
/** Demo data averages ~19.5 events per customer; fewer customers leaves a margin before the cut. */
const EVENTS_PER_CUSTOMER_ESTIMATE = 18;

/** Data keys in MongoDB (KEY_STORE=mongo) under one master key, as the API and projector share them. */
export interface Protection {
  /** A cipher with an empty key cache (production's default size), as a process that just started has. */
  cipher(): PersonalDataCipher;
  close(): Promise<void>;
}

export async function openProtection(mongoUrl: string, keysDatabase: string): Promise<Protection> {
  const keys = await MongoKeyStore.connect({ url: mongoUrl, databaseName: keysDatabase });
  const ring = new MasterKeyRing(masterKeyOf(randomBytes(KEY_BYTES)));
  return {
    cipher: () => new PersonalDataCipher(keys, ring, { cache: new DataKeyCache() }),
    close: () => keys.close(),
  };
}

export interface SealedLog {
  readonly path: string;
  readonly events: number;
  readonly customers: number;
  readonly seconds: number;
}

/**
 * At least `events` demo events (decided as the API decides them, bench/replay/decided-history.ts) in a
 * fresh SQLite event store at `path`, personal fields sealed with per-customer keys in MongoDB, as the API
 * stores them: what the relay publishes and the projectors open.
 */
export async function sealedLog(path: string, events: number, protection: Protection): Promise<SealedLog> {
  const started = performance.now();
  const customers = Math.ceil(events / EVENTS_PER_CUSTOMER_ESTIMATE);
  const inner = SqliteEventStore.open({ path });
  const store = new EncryptingEventStore(inner, protection.cipher());
  let appended = 0;
  try {
    // Sealing waits for the key store, so a stream's appends are chained to keep their order.
    let lastOfStream = new Map<string, Promise<unknown>>();
    for (const append of decidedHistory({ customers, seed: 42 }, { count: 0 })) {
      const previous = lastOfStream.get(append.streamId) ?? Promise.resolve();
      const appending = previous.then(() => store.append(append.streamId, append.events, append.expected));
      lastOfStream.set(append.streamId, appending);
      appended += append.events.length;
      if (lastOfStream.size >= APPENDS_IN_FLIGHT) {
        await Promise.all(lastOfStream.values());
        lastOfStream = new Map();
      }
      if (appended >= events) break;
    }
    await Promise.all(lastOfStream.values());
  } finally {
    await inner.close();
  }
  if (appended < events)
    throw new Error(`the demo history ran out at ${appended} events, short of ${events}`);
  return { path, events: appended, customers, seconds: (performance.now() - started) / 1000 };
}
