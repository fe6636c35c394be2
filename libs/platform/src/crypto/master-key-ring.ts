import { createHash, randomBytes } from 'node:crypto';
import { KEY_BYTES, open, seal } from './aes-gcm';

/** A key-encryption key (KEK): it wraps the customers' data keys and is never stored next to them. */
export interface MasterKey {
  /** A fingerprint of the key, recorded with every data key it wraps, so rotation knows what to rewrap. */
  readonly id: string;
  readonly key: Buffer;
}

export const masterKeyOf = (key: Buffer): MasterKey => {
  if (key.length !== KEY_BYTES)
    throw new RangeError(`a master key must be ${KEY_BYTES} bytes, got ${key.length}`);
  return { id: `mk-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`, key };
};

export class UnknownMasterKeyError extends Error {
  override readonly name = 'UnknownMasterKeyError';

  constructor(readonly masterKeyId: string) {
    super(
      `data key wrapped by master key ${masterKeyId}, which is not configured (CRM_PREVIOUS_MASTER_KEYS)`,
    );
  }
}

/**
 * The current master key, which wraps every new data key, and the previous ones, kept only to unwrap data
 * keys that `rewrapDataKeys` has not yet moved to the current key.
 */
export class MasterKeyRing {
  private readonly byId: ReadonlyMap<string, MasterKey>;

  constructor(
    readonly current: MasterKey,
    previous: readonly MasterKey[] = [],
  ) {
    this.byId = new Map([...previous, current].map((key) => [key.id, key]));
  }

  /** A new random data key, and that key wrapped under the current master key for `subjectId`. */
  newDataKey(subjectId: string): {
    readonly key: Buffer;
    readonly masterKeyId: string;
    readonly wrapped: string;
  } {
    const key = randomBytes(KEY_BYTES);
    return { key, masterKeyId: this.current.id, wrapped: this.wrap(subjectId, key) };
  }

  wrap(subjectId: string, dataKey: Buffer): string {
    return seal(this.current.key, dataKey, wrapAad(subjectId));
  }

  unwrap(subjectId: string, masterKeyId: string, wrapped: string): Buffer {
    const master = this.byId.get(masterKeyId);
    if (master === undefined) throw new UnknownMasterKeyError(masterKeyId);
    return open(master.key, wrapped, wrapAad(subjectId));
  }
}

const wrapAad = (subjectId: string): string => `crm-data-key:${subjectId}`;
