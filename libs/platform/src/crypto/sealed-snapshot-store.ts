import type { Snapshot, SnapshotStore } from '@crm/event-store';
import { type PersonalDataCipher, personalDataSubject } from './personal-data-cipher';

/** Binds a sealed state to its stream, revision, event and version: a state copied to another row does not open. */
const snapshotAad = (snapshot: Snapshot): string =>
  `crm-snapshot:${snapshot.streamId}:${snapshot.revision}:${snapshot.eventId}:${snapshot.version}`;

/**
 * Snapshots of customer streams with their state sealed with the customer's data key (AES-256-GCM), as
 * their events' personal fields are (docs/data-protection.md): a customer's state holds their profile in
 * clear. The plain part holds no personal field, only what their events hold in clear too (purchase ids,
 * amounts, instants), and is stored as it is. Erasure destroys the key, and with it the state of every
 * snapshot of theirs, in the live file and in every backup of it, as it does their events' personal
 * fields; an erased customer's snapshot is neither loaded nor written. Other streams hold no personal
 * data and are stored as they are.
 */
export class SealedSnapshotStore implements SnapshotStore {
  constructor(
    private readonly inner: SnapshotStore,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async load(streamId: string, version: string): Promise<Snapshot | undefined> {
    const snapshot = await this.inner.load(streamId, version);
    const subjectId = personalDataSubject(streamId);
    if (snapshot === undefined || subjectId === null) return snapshot;
    const state = await this.cipher.openForSubject(subjectId, snapshot.state, snapshotAad(snapshot));
    return state && { ...snapshot, state };
  }

  async save(snapshot: Snapshot): Promise<void> {
    const subjectId = personalDataSubject(snapshot.streamId);
    if (subjectId === null) return this.inner.save(snapshot);
    const state = await this.cipher.sealForSubject(subjectId, snapshot.state, snapshotAad(snapshot));
    // Erased: what is stored could no longer be opened anyway.
    if (state === undefined) return this.inner.delete(snapshot.streamId);
    return this.inner.save({ ...snapshot, state });
  }

  delete(streamId: string): Promise<void> {
    return this.inner.delete(streamId);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
