/** A customer's data key (DEK), as stored: wrapped by a master key, never in clear. */
export interface WrappedDataKey {
  readonly subjectId: string;
  readonly masterKeyId: string;
  readonly wrapped: string;
  readonly createdAt: string;
}

/** What the key store holds for a subject: a live key, or the tombstone its erasure left. */
export type DataKeyRecord =
  | ({ readonly state: 'active' } & WrappedDataKey)
  | { readonly state: 'destroyed'; readonly subjectId: string; readonly destroyedAt: string };

/**
 * Where the customers' wrapped data keys live (DESIGN §3, docs/data-protection.md). Destroying a key is
 * crypto-shredding: every personal field sealed under it becomes unreadable for good. The tombstone stops
 * a new key from ever being issued for an erased subject.
 */
export interface KeyStore {
  find(subjectId: string): Promise<DataKeyRecord | undefined>;
  /** Stores `key` unless the subject already has a record; returns the record that is stored (first writer wins). */
  create(key: WrappedDataKey): Promise<DataKeyRecord>;
  /**
   * Replaces the subject's key by a tombstone, also when it has none; idempotent. Returns once the wrapped key
   * is gone from the store's files as far as the store controls them (SQLite: secure delete, WAL truncated).
   */
  destroy(subjectId: string, destroyedAt: string): Promise<void>;
  /** Live keys with a subject id after `afterSubjectId`, in subject id order: for rewrapping under a new master key. */
  listActive(afterSubjectId: string, limit: number): Promise<WrappedDataKey[]>;
  /** Swaps the wrapping if the key is still live and wrapped by `fromMasterKeyId`; false when it was not. */
  rewrap(key: WrappedDataKey, fromMasterKeyId: string): Promise<boolean>;
  close(): Promise<void>;
}
