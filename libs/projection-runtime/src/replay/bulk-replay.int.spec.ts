import type { ProjectionDefinition } from '@crm/domain';
import { auditTrail } from '@crm/projections/audit-trail';
import { customer360 } from '@crm/projections/customer-360';
import { InvalidQueryError } from '@crm/read-store/errors';
import type { ReadStore } from '@crm/read-store/read-store';
import { auditTrailChain } from '../../test/support/audit-trail-chain';
import { customerActivity } from '../../test/support/customer-activity.projection';
import { demoHistory, executeAll } from '../../test/support/demo-history';
import { dumpCollection } from '../../test/support/dump-collection';
import { useSqliteWorkspace } from '../../test/support/sqlite-workspace';
import { activityEvent, seedActivity } from '../../test/support/events';
import { collectionName } from '../collection-name';
import { CHAIN_HEADS, type DocumentChain } from '../document-chain';
import { DEAD_LETTERS } from '../dead-letter';
import { ProjectionRunner } from '../projection-runner';
import type { ProjectionRunnerOptions } from '../projection-runner-options';
import { replay } from './replay';

/** customer-360 without `oneStreamPerDocument`, so that these replays run in global order. */
const c360: ProjectionDefinition = {
  ...(customer360 as unknown as ProjectionDefinition),
  oneStreamPerDocument: false,
};
const trail = auditTrail as unknown as ProjectionDefinition;
const activity = customerActivity as unknown as ProjectionDefinition;
/** Far fewer documents held than the history has: evictions, reads back and several checkpoints. */
const SMALL = { batchSize: 37, cacheDocuments: 7, checkpointEvents: 300 };

describe('bulk replay (documents held across batches, written on eviction and at checkpoints)', () => {
  const workspace = useSqliteWorkspace('crm-bulk-replay');
  const readStore = (name: string) => workspace.readStore(name);
  let builds = 0;
  /** The collection, its dead letters and chain head, as the live runner builds them from the whole log. */
  const cleanBuild = async (options: Omit<ProjectionRunnerOptions, 'source' | 'readStore'>) => {
    const clean = readStore(`clean${++builds}`);
    await new ProjectionRunner({ ...options, source: workspace.events, readStore: clean }).catchUp();
    return built(clean, options.definition);
  };
  const built = async (store: ReadStore, definition: ProjectionDefinition) => ({
    documents: await dumpCollection(store, collectionName(definition)),
    deadLetters: await dumpCollection(store, DEAD_LETTERS.name),
    chainHead: await store.get(CHAIN_HEADS.name, collectionName(definition)).catch(() => undefined),
  });

  it('gives the runner’s customer-360 documents with a cache far smaller than the customers', async () => {
    await executeAll(workspace.events, demoHistory(40));
    const reads = readStore('small-cache');
    const checkpoints: number[] = [];
    const tracked: ReadStore = Object.assign(Object.create(reads) as ReadStore, {
      saveCheckpoint: (name: string, checkpoint: { position: number; updatedAt: string }) => {
        checkpoints.push(checkpoint.position);
        return reads.saveCheckpoint(name, checkpoint);
      },
    });

    const summary = await replay(c360, { ...SMALL, source: workspace.events, readStore: tracked });

    const head = await workspace.events.headPosition();
    expect(summary).toMatchObject({ position: head, events: head, interrupted: false });
    expect(checkpoints.length).toBeGreaterThan(2);
    expect(checkpoints[checkpoints.length - 1]).toBe(head);
    expect(await built(reads, c360)).toEqual(await cleanBuild({ definition: c360 }));
    expect(await reads.count(collectionName(c360))).toBe(40);
  });

  it('resumes a replay that crashed after writing evicted documents past its checkpoint', async () => {
    await executeAll(workspace.events, demoHistory(40));
    const reads = readStore('crashed');
    let saves = 0;
    const crashing: ReadStore = Object.assign(Object.create(reads) as ReadStore, {
      saveCheckpoint: (name: string, checkpoint: { position: number; updatedAt: string }) => {
        if (++saves === 2) return Promise.reject(new Error('killed'));
        return reads.saveCheckpoint(name, checkpoint);
      },
    });
    await expect(replay(c360, { ...SMALL, source: workspace.events, readStore: crashing })).rejects.toThrow(
      'killed',
    );
    const checkpoint = (await reads.getCheckpoint(collectionName(c360)))?.position ?? 0;
    const versions = (await dumpCollection(reads, collectionName(c360))).map(
      (line) => (JSON.parse(line) as { version: number }).version,
    );
    expect(versions.some((version) => version > checkpoint)).toBe(true);

    const resumed = await replay(c360, { ...SMALL, source: workspace.events, readStore: reads });

    expect(resumed.resumedFrom).toBe(checkpoint);
    expect(await built(reads, c360)).toEqual(await cleanBuild({ definition: c360 }));
  });

  it('keeps the audit trail’s hash chain in global order across evictions and checkpoints', async () => {
    await executeAll(workspace.events, demoHistory(8));
    const reads = readStore('chain');
    const chain = auditTrailChain as unknown as DocumentChain;
    const options = { definition: trail, chain, poison: 'halt' as const };

    await replay(trail, { ...options, ...SMALL, source: workspace.events, readStore: reads });

    expect(await built(reads, trail)).toEqual(await cleanBuild(options));
  });

  it('dead-letters a poison event once and goes on, as the runner does', async () => {
    await seedActivity(workspace.events, 200, 12);
    await workspace.events.append('customer-c3', [activityEvent('poison-1', 'Poisoned')], 'any');
    await seedActivity(workspace.events, 100, 12, 50, 'f');
    const reads = readStore('poison');

    await replay(activity, { ...SMALL, source: workspace.events, readStore: reads });

    const result = await built(reads, activity);
    expect(result.deadLetters).toHaveLength(1);
    expect(result).toEqual(await cleanBuild({ definition: activity }));
  });

  it('creates a new collection bare and indexes its declared fields once the replay is done', async () => {
    await seedActivity(workspace.events, 300, 12);
    const reads = readStore('indexes');
    const byEvents = { where: [{ field: 'events', op: 'range' as const, gte: 1 }], limit: 100 };
    const during: unknown[] = [];

    await replay(activity, {
      ...SMALL,
      source: workspace.events,
      readStore: reads,
      onProgress: () => void during.push(reads.find(collectionName(activity), byEvents).catch((e) => e)),
    });

    expect(await during[0]).toBeInstanceOf(InvalidQueryError);
    expect((await reads.find(collectionName(activity), byEvents)).items).toHaveLength(12);
  });
});
