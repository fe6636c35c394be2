import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectionDefinition } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { customer360 } from '@crm/projections/customer-360';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { demoHistory, executeAll } from '../../test/support/demo-history';
import { dumpCollection } from '../../test/support/dump-collection';
import { waitFor } from '../../test/support/wait-for';
import { collectionName } from '../collection-name';
import { ProjectionRunner } from '../projection-runner';
import { rebuild } from './rebuild';
import { rollback } from './rollback';

const definition = customer360 as unknown as ProjectionDefinition;
const SERVING = collectionName(definition);
const ALIAS = 'customer_360';
const history = demoHistory(120);
const thirds = [0, 1, 2].map((i) => history.filter((_, index) => index % 3 === i));

describe('rebuild and rollback (SQLite)', () => {
  let dir: string;
  let events: SqliteEventStore;
  let reads: SqliteReadStore;
  let host: ProjectionRunner;
  let clean: SqliteReadStore;

  const cleanBuild = async (): Promise<string[]> => {
    await new ProjectionRunner({ definition, source: events, readStore: clean }).catchUp();
    return dumpCollection(clean, SERVING);
  };
  const caughtUp = (collection: string) =>
    waitFor(async () => (await reads.getCheckpoint(collection))?.position === (await events.headPosition()));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-rebuild-'));
    events = SqliteEventStore.open({ path: join(dir, 'events.db'), pollIntervalMs: 10 });
    reads = SqliteReadStore.open({ path: join(dir, 'reads.db') });
    clean = SqliteReadStore.open({ path: join(dir, 'clean.db') });
    host = new ProjectionRunner({ definition, source: events, readStore: reads, batchSize: 100 });
  });

  afterEach(async () => {
    await host.stop();
    await Promise.all([events.close(), reads.close(), clean.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('swaps with reads that never fail or go empty, and the running host follows the swap and back', async () => {
    await executeAll(events, thirds[0]);
    await host.catchUp();
    host.start();
    const ids = (await reads.find(ALIAS, { limit: 10_000 })).items.map((document) => document.id);
    const misses: string[] = [];
    let rebuilding = true;
    const reader = (async () => {
      while (rebuilding) {
        for (const id of ids) {
          const document = await reads.get(ALIAS, id).catch((error: Error) => error);
          if (document instanceof Error || document === undefined) misses.push(`${id}: ${String(document)}`);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const arriving = executeAll(events, thirds[1]);
    const summary = await rebuild(definition, { source: events, readStore: reads, batchSize: 200 });
    await arriving;
    rebuilding = false;
    await reader;

    expect(ids.length).toBeGreaterThan(0);
    expect(misses).toEqual([]);
    expect(summary).toMatchObject({ shadow: `${SERVING}_r1`, swapped: true, previous: SERVING });
    expect(await reads.resolveAlias(ALIAS)).toBe(`${SERVING}_r1`);
    // Appended after the swap: only a host that follows the alias puts them into the rebuilt collection.
    await executeAll(events, thirds[2].slice(0, 100));
    await caughtUp(`${SERVING}_r1`);
    expect(await dumpCollection(reads, `${SERVING}_r1`)).toEqual(await cleanBuild());

    expect(await rollback(reads, 'customer-360')).toEqual({
      alias: ALIAS,
      serving: SERVING,
      previous: `${SERVING}_r1`,
    });
    await executeAll(events, thirds[2].slice(100));
    await caughtUp(SERVING);
    expect(await reads.resolveAlias(ALIAS)).toBe(SERVING);
    expect(await dumpCollection(reads, SERVING)).toEqual(await cleanBuild());
  });

  it('keeps the previous collection for rollback until the next rebuild, and for good with keepOld', async () => {
    await executeAll(events, thirds[0]);
    await host.catchUp();
    const options = { source: events, readStore: reads };

    const first = await rebuild(definition, { ...options, keepOld: true });
    const second = await rebuild(definition, options);
    const third = await rebuild(definition, options);

    // r1 replaces v (kept for good), r2 replaces r1, r3 replaces r2: only r1 is dropped, by the third.
    expect([first.dropped, second.dropped, third.dropped]).toEqual([undefined, undefined, `${SERVING}_r1`]);
    expect(third).toMatchObject({ shadow: `${SERVING}_r3`, previous: `${SERVING}_r2` });
    await expect(reads.count(`${SERVING}_r1`)).rejects.toThrow('does not exist');
    expect(await reads.count(SERVING)).toBe(await reads.count(`${SERVING}_r2`));
  });

  it('refuses to roll back a projection that was never rebuilt', async () => {
    await expect(rollback(reads, 'customer-360')).rejects.toThrow('never rebuilt');
  });

  it('resumes an interrupted rebuild into the same shadow, leaving the alias alone until it is done', async () => {
    await executeAll(events, thirds[0]);
    await host.catchUp();
    const abort = new AbortController();

    const interrupted = await rebuild(definition, {
      source: events,
      readStore: reads,
      batchSize: 100,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    // customer-360 fills a new shadow stream by stream: no checkpoint until every stream is done.
    expect(interrupted).toMatchObject({ swapped: false, interrupted: true, position: 0, events: 100 });
    expect(await reads.resolveAlias(ALIAS)).toBe(SERVING);

    const resumed = await rebuild(definition, { source: events, readStore: reads });
    const head = await events.headPosition();
    expect(resumed).toMatchObject({ shadow: `${SERVING}_r1`, swapped: true, position: head });
    // It went on after the last event the first run read, not from the start of the log.
    expect(resumed.events).toBe(head - 100);
    expect(await dumpCollection(reads, `${SERVING}_r1`)).toEqual(await cleanBuild());
  });
});
