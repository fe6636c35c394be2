import type { ProjectionDefinition } from '@crm/domain';
import { customerActivity } from '../../test/support/customer-activity.projection';
import { seedActivity } from '../../test/support/events';
import { useSqliteWorkspace } from '../../test/support/sqlite-workspace';
import { adHocProjections, findAdHocProjection } from '../ad-hoc-projections';
import { replayAdHoc } from './ad-hoc-replay';

const FILE = '/home/analyst/questions/customer-activity.ts';
const v1 = customerActivity as unknown as ProjectionDefinition;
const v2: ProjectionDefinition = {
  ...v1,
  version: 2,
  fields: [...(v1.fields ?? []), { path: 'lastType', type: 'string' }],
};

describe('replayAdHoc: a projection from a definition file', () => {
  const workspace = useSqliteWorkspace('crm-ad-hoc');

  it('fills its own collection, points the alias at it and records name, version, fields and file', async () => {
    await seedActivity(workspace.events, 40, 4);
    const readStore = workspace.readStore('read');

    const summary = await replayAdHoc(v1, FILE, { source: workspace.events, readStore });

    expect(summary).toMatchObject({
      collection: 'customer_activity_v1',
      alias: 'customer_activity',
      serving: true,
      interrupted: false,
      events: 40,
    });
    expect(await readStore.count('customer_activity')).toBe(4);
    expect(await findAdHocProjection(readStore, 'customer-activity')).toEqual({
      name: 'customer-activity',
      version: 1,
      fields: [{ path: 'events', type: 'number' }],
      file: FILE,
    });
  });

  it('moves the alias to a new version once it is complete, not while it is interrupted', async () => {
    await seedActivity(workspace.events, 40, 4);
    const readStore = workspace.readStore('read');
    await replayAdHoc(v1, FILE, { source: workspace.events, readStore });
    const abort = new AbortController();

    const interrupted = await replayAdHoc(v2, FILE, {
      source: workspace.events,
      readStore,
      batchSize: 10,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });

    expect(interrupted).toMatchObject({
      collection: 'customer_activity_v2',
      interrupted: true,
      serving: false,
    });
    expect(await readStore.resolveAlias('customer_activity')).toBe('customer_activity_v1');
    expect((await findAdHocProjection(readStore, 'customer-activity'))?.version).toBe(1);

    const resumed = await replayAdHoc(v2, FILE, { source: workspace.events, readStore, batchSize: 10 });

    expect(resumed).toMatchObject({ resumedFrom: 10, interrupted: false, serving: true });
    expect(await readStore.resolveAlias('customer_activity')).toBe('customer_activity_v2');
    expect(await adHocProjections(readStore)).toEqual([
      { name: 'customer-activity', version: 2, fields: v2.fields, file: FILE },
    ]);
  });

  it('refuses a name whose alias is the name of an existing collection', async () => {
    const readStore = workspace.readStore('read');
    await readStore.ensureCollection({ name: 'customer_activity', fields: [] });

    await expect(replayAdHoc(v1, FILE, { source: workspace.events, readStore })).rejects.toThrow(
      'a collection of that name exists in the read store',
    );
  });

  it('finds no ad-hoc projection in a read store that never recorded one', async () => {
    const readStore = workspace.readStore('read');

    expect(await adHocProjections(readStore)).toEqual([]);
    expect(await findAdHocProjection(readStore, 'customer-activity')).toBeUndefined();
  });
});
