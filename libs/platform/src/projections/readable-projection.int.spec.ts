import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectionDefinition } from '@crm/domain';
import { recordAdHocProjection } from '@crm/projection-runtime';
import { SqliteReadStore } from '@crm/read-store';
import { customerSpend } from '@crm/projections/customer-spend';
import { findReadableProjection, readableProjections } from './readable-projection';

const registered = [customerSpend as unknown as ProjectionDefinition];
const adHoc = {
  name: 'purchases-by-channel',
  version: 3,
  fields: [{ path: 'purchases', type: 'number' as const }],
  file: '/home/analyst/purchases-by-channel.ts',
};

describe('findReadableProjection: registered and ad-hoc projections by name', () => {
  let dir: string;
  let readStore: SqliteReadStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-readable-'));
    readStore = SqliteReadStore.open({ path: join(dir, 'read.db') });
  });

  afterEach(async () => {
    await readStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a registered projection by its definition', async () => {
    expect(await findReadableProjection('customer-spend', readStore, registered)).toEqual({
      name: 'customer-spend',
      version: customerSpend.version,
      alias: 'customer_spend',
      fields: customerSpend.fields,
      origin: 'registered',
    });
  });

  it('finds an ad-hoc projection by its record, without its file', async () => {
    await recordAdHocProjection(readStore, adHoc);

    expect(await findReadableProjection('purchases-by-channel', readStore, registered)).toEqual({
      name: 'purchases-by-channel',
      version: 3,
      alias: 'purchases_by_channel',
      fields: adHoc.fields,
      origin: 'ad-hoc',
    });
  });

  it('finds nothing for an unknown name, nor for a name that only shares the alias', async () => {
    await recordAdHocProjection(readStore, adHoc);

    expect(await findReadableProjection('no-such-projection', readStore, registered)).toBeUndefined();
    expect(await findReadableProjection('purchases_by_channel', readStore, registered)).toBeUndefined();
  });

  it('lists every readable projection, registered first; a registered name hides an ad-hoc record', async () => {
    expect(await readableProjections(readStore, registered)).toHaveLength(1);
    await recordAdHocProjection(readStore, adHoc);
    await recordAdHocProjection(readStore, { ...adHoc, name: 'customer-spend', version: 9 });

    const listed = await readableProjections(readStore, registered);

    expect(listed.map(({ name, origin }) => `${name} (${origin})`)).toEqual([
      'customer-spend (registered)',
      'purchases-by-channel (ad-hoc)',
    ]);
  });
});
