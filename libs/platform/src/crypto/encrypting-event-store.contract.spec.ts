import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@crm/event-store';
import { describeEventStoreContract } from '@crm/event-store/contract/event-store.contract';
import { SqliteKeyStore } from './adapters/sqlite';
import { EncryptingEventStore } from './encrypting-event-store';
import { MasterKeyRing, masterKeyOf } from './master-key-ring';
import { PersonalDataCipher } from './personal-data-cipher';

// The decorator must keep every promise of the port: appends, dedup, concurrency, reads, subscriptions.
describeEventStoreContract(
  'sqlite behind EncryptingEventStore',
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crm-encrypting-contract-'));
    const raw = SqliteEventStore.open({ path: join(dir, 'events.db') });
    const keys = SqliteKeyStore.open(join(dir, 'keys.db'));
    const cipher = new PersonalDataCipher(keys, new MasterKeyRing(masterKeyOf(randomBytes(32))));
    return {
      store: new EncryptingEventStore(raw, cipher),
      dispose: async () => {
        await raw.close();
        await keys.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  { readsEventById: true },
);
