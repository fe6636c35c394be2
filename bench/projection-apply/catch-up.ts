import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDataProtection } from '@crm/platform/crypto/data-protection';
import { readEventStoreConfig } from '@crm/platform/event-store/event-store.config';
import { openRawEventStore, protectedEventStore } from '@crm/platform/event-store/event-store.module';
import { discoverProjections } from '@crm/platform/projections/projection-registry';
import { projectionRunOptions } from '@crm/platform/projections/projection-run-options';
import { openReadStore } from '@crm/platform/read-store/open-read-store';
import { readReadStoreConfig } from '@crm/platform/read-store/read-store.config';
import { ProjectionHost } from '@crm/projection-runtime';

/** What one child measured: the API's projections applying a whole log from 0, on one thread. */
export interface CatchUpResult {
  readonly batchSize: number;
  readonly projections: string;
  readonly events: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/** The files of the API's data directory that the projection thread reads; the read store starts empty. */
const LOG_FILES = ['events.db', 'keys.db', 'dev-master-key'];

/**
 * One measurement in a process of its own (the parent spawns it): copies the log into a fresh directory and
 * runs the API's projection host over it, as the API's projection thread does, until it reaches the head.
 */
async function catchUp(source: string, batchSize: number, only: readonly string[]): Promise<CatchUpResult> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-apply-'));
  try {
    for (const file of LOG_FILES) cpSync(join(source, file), join(dir, file));
    const env = { ...process.env, CRM_DATA_DIR: dir };
    const protection = await openDataProtection(env);
    const events = protectedEventStore(openRawEventStore(readEventStoreConfig(env)), protection);
    const reads = await openReadStore(readReadStoreConfig(env));
    const host = new ProjectionHost({ source: events, readStore: reads, batchSize });
    const definitions = discoverProjections().filter((d) => only.length === 0 || only.includes(d.name));
    for (const definition of definitions) host.add(definition, projectionRunOptions(definition));
    const head = await events.headPosition();
    const started = performance.now();
    const cpu = process.cpuUsage();
    await host.catchUp();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    await host.stop();
    await Promise.all([events.close(), protection.keys.close(), reads.close()]);
    return {
      batchSize,
      projections: only.length === 0 ? 'all' : only.join(','),
      events: head,
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [source, batch, only = ''] = process.argv.slice(2);
void catchUp(source, Number(batch), only === '' ? [] : only.split(',')).then((result) =>
  process.stdout.write(`${JSON.stringify(result)}\n`),
);
