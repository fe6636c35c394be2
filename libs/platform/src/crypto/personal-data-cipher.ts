import {
  CustomerErasedError,
  ERASED_PERSONAL_DATA,
  type EventEnvelope,
  type NewEvent,
  carriesPersonalData,
  parseStreamName,
  transformPersonalFields,
} from '@crm/domain';
import { open, openBytes, seal, sealBytes } from './aes-gcm';
import { type CachedDataKey, DataKeyCache } from './data-key-cache';
import type { DataKeyRecord, KeyStore } from './key-store';
import type { MasterKeyRing } from './master-key-ring';

/**
 * The key store's subject for the secret behind request fingerprints (`requestHash`): not a customer id
 * (ids never hold `$`), so no erasure destroys it, and rotation rewraps it like any data key.
 */
export const REQUEST_FINGERPRINT_SUBJECT = '$request-fingerprints';

/** Marks a sealed personal value in stored event data: `pii:v1:` + base64url(iv ‖ tag ‖ ciphertext). */
export const SEALED_PREFIX = 'pii:v1:';

export class DataKeyMissingError extends Error {
  override readonly name = 'DataKeyMissingError';

  constructor(readonly subjectId: string) {
    super(`sealed personal data of ${subjectId} but no data key and no erasure record in the key store`);
  }
}

export interface PersonalDataCipherOptions {
  readonly cache?: DataKeyCache;
  readonly clock?: () => Date;
}

/** The customer whose personal data a stream holds: only `customer-<id>` streams carry any. */
export const personalDataSubject = (streamId: string): string | null => {
  const stream = parseStreamName(streamId);
  return stream !== null && stream.category === 'customer' ? stream.id : null;
};

/**
 * Seals and opens the personal fields of events (the catalogue in `@crm/domain`) with each customer's own
 * data key, AES-256-GCM, bound to the event id and field path. Keys are created on a customer's first
 * personal field and destroyed by `shred`; after that the fields read as `ERASED_PERSONAL_DATA`.
 */
export class PersonalDataCipher {
  private readonly cache: DataKeyCache;
  private readonly clock: () => Date;
  private readonly loading = new Map<string, Promise<CachedDataKey | undefined>>();

  constructor(
    private readonly keys: KeyStore,
    private readonly ring: MasterKeyRing,
    options: PersonalDataCipherOptions = {},
  ) {
    this.cache = options.cache ?? new DataKeyCache();
    this.clock = options.clock ?? (() => new Date());
  }

  /** The events as they must be stored: personal fields sealed; refuses new personal data of an erased customer. */
  async sealEvents(streamId: string, events: readonly NewEvent[]): Promise<NewEvent[]> {
    if (!events.some((event) => carriesPersonalData(event.type))) return [...events];
    const subjectId = personalDataSubject(streamId);
    if (subjectId === null) throw new Error(`personal data outside a customer stream: ${streamId}`);
    const dataKey = await this.keyFor(subjectId, true);
    if (dataKey?.state !== 'active') throw new CustomerErasedError(subjectId);
    return events.map((event) => ({
      ...event,
      // Every value is sealed, even one that looks sealed already: a caller cannot plant a value to be opened.
      data: transformPersonalFields(
        event.type,
        event.data,
        (value, path) =>
          SEALED_PREFIX + seal(dataKey.key, Buffer.from(value, 'utf8'), fieldAad(event.id, path)),
      ),
    }));
  }

  /** The events as readers see them: personal fields in clear, or `ERASED_PERSONAL_DATA` once erased. */
  async openEvents<E extends EventEnvelope>(events: readonly E[]): Promise<E[]> {
    const subjects = new Set<string>();
    for (const event of events) {
      if (!carriesPersonalData(event.type)) continue;
      const subjectId = personalDataSubject(event.streamId);
      if (subjectId !== null) subjects.add(subjectId);
    }
    if (subjects.size === 0) return [...events];
    const keys = new Map<string, CachedDataKey | undefined>();
    await Promise.all([...subjects].map(async (id) => keys.set(id, await this.keyFor(id, false))));
    return events.map((event) => {
      const subjectId = carriesPersonalData(event.type) ? personalDataSubject(event.streamId) : null;
      return subjectId === null ? event : this.openEvent(event, subjectId, keys.get(subjectId));
    });
  }

  /**
   * `plaintext` (a snapshot of the customer's state, say) sealed whole with the customer's data key;
   * undefined when they have no active key (erased), so that nothing of theirs is written in clear.
   */
  async sealForSubject(subjectId: string, plaintext: Buffer, aad: string): Promise<Buffer | undefined> {
    const dataKey = await this.keyFor(subjectId, false);
    if (dataKey?.state !== 'active') return undefined;
    return sealBytes(dataKey.key, plaintext, aad);
  }

  /** What `sealForSubject` sealed; undefined once the customer's key is destroyed or missing. */
  async openForSubject(subjectId: string, sealed: Buffer, aad: string): Promise<Buffer | undefined> {
    const dataKey = await this.keyFor(subjectId, false);
    if (dataKey?.state !== 'active') return undefined;
    return openBytes(dataKey.key, sealed, aad);
  }

  /** Destroys the customer's data key for good (crypto-shredding); idempotent. */
  async shred(subjectId: string): Promise<void> {
    await this.keys.destroy(subjectId, this.clock().toISOString());
    this.cache.set(subjectId, { state: 'destroyed' });
  }

  /** The secret that keys request fingerprints: made once per deployment, the same after master-key rotation. */
  async requestFingerprintKey(): Promise<Buffer> {
    const dataKey = await this.keyFor(REQUEST_FINGERPRINT_SUBJECT, true);
    if (dataKey?.state !== 'active') throw new Error('the request fingerprint key has been destroyed');
    return dataKey.key;
  }

  async isShredded(subjectId: string): Promise<boolean> {
    return (await this.keyFor(subjectId, false))?.state === 'destroyed';
  }

  private openEvent<E extends EventEnvelope>(
    event: E,
    subjectId: string,
    dataKey: CachedDataKey | undefined,
  ): E {
    const data = transformPersonalFields(event.type, event.data, (value, path) => {
      if (dataKey?.state === 'destroyed') return ERASED_PERSONAL_DATA;
      if (!value.startsWith(SEALED_PREFIX)) return value;
      if (dataKey === undefined) throw new DataKeyMissingError(subjectId);
      return open(dataKey.key, value.slice(SEALED_PREFIX.length), fieldAad(event.id, path)).toString('utf8');
    });
    return data === event.data ? event : { ...event, data };
  }

  private async keyFor(subjectId: string, create: boolean): Promise<CachedDataKey | undefined> {
    const cached = this.cache.get(subjectId);
    if (cached !== undefined) return cached;
    const loadKey = `${create}:${subjectId}`;
    let pending = this.loading.get(loadKey);
    if (pending === undefined) {
      pending = this.load(subjectId, create).finally(() => this.loading.delete(loadKey));
      this.loading.set(loadKey, pending);
    }
    return pending;
  }

  private async load(subjectId: string, create: boolean): Promise<CachedDataKey | undefined> {
    let record = await this.keys.find(subjectId);
    if (record === undefined && create) record = await this.createKey(subjectId);
    if (record === undefined) return undefined;
    const dataKey = this.unwrapped(record);
    this.cache.set(subjectId, dataKey);
    return dataKey;
  }

  private createKey(subjectId: string): Promise<DataKeyRecord> {
    const { masterKeyId, wrapped } = this.ring.newDataKey(subjectId);
    return this.keys.create({ subjectId, masterKeyId, wrapped, createdAt: this.clock().toISOString() });
  }

  private unwrapped(record: DataKeyRecord): CachedDataKey {
    return record.state === 'destroyed'
      ? { state: 'destroyed' }
      : { state: 'active', key: this.ring.unwrap(record.subjectId, record.masterKeyId, record.wrapped) };
  }
}

const fieldAad = (eventId: string, path: string): string => `crm-pii:${eventId}:${path}`;
