import type { KeyStore } from './key-store';
import type { MasterKeyRing } from './master-key-ring';

export interface RewrapReport {
  readonly examined: number;
  readonly rewrapped: number;
}

/**
 * Master key rotation: every live data key not wrapped by the current master key is unwrapped with the old
 * one and wrapped again with the current one. Personal data itself is not touched (its data keys do not
 * change), so the event log stays byte for byte as it was. Safe to rerun and to run beside the API.
 * `onPage` gets the running report after each page, for the CLI's progress.
 */
export async function rewrapDataKeys(
  keys: KeyStore,
  ring: MasterKeyRing,
  pageSize = 500,
  onPage?: (soFar: RewrapReport) => void,
): Promise<RewrapReport> {
  let examined = 0;
  let rewrapped = 0;
  let after = '';
  for (;;) {
    const page = await keys.listActive(after, pageSize);
    if (page.length === 0) return { examined, rewrapped };
    for (const key of page) {
      examined++;
      if (key.masterKeyId === ring.current.id) continue;
      const dataKey = ring.unwrap(key.subjectId, key.masterKeyId, key.wrapped);
      const swapped = await keys.rewrap(
        { ...key, masterKeyId: ring.current.id, wrapped: ring.wrap(key.subjectId, dataKey) },
        key.masterKeyId,
      );
      if (swapped) rewrapped++;
    }
    after = page[page.length - 1].subjectId;
    onPage?.({ examined, rewrapped });
  }
}
