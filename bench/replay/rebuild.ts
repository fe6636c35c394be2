import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { DEAD_LETTERS, ProjectionRunner } from '@crm/projection-runtime';
import { customer360 } from '@crm/projections/customer-360';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { type Breakdown, emptyBreakdown, instrument } from './breakdown';
import { PeakRss } from './peak-rss';
import type { PhaseRequest, PhaseResult } from './phase-protocol';

/**
 * Rebuilds customer-360 into a fresh read-store file with the runner the API uses, from position 0 to the
 * seeded log's `events`-th event. `runUntil(position)` is `catchUp()` with the head pinned, so a cached log
 * longer than `--events` is read only as far as asked (the last batch may overshoot it by < batchSize).
 */
export async function rebuildCustomer360(
  request: Extract<PhaseRequest, { phase: 'rebuild' }>,
  progress: (events: number) => void,
): Promise<PhaseResult> {
  const source = SqliteEventStore.open({ path: request.eventsPath });
  const readStore = SqliteReadStore.open({ path: request.readsPath });
  const breakdown: Breakdown | undefined = request.instrumented ? emptyBreakdown() : undefined;
  const parts = { source, readStore, definition: customer360 };
  const rss = new PeakRss();
  let events = 0;
  const runner = new ProjectionRunner({
    ...(breakdown ? instrument(parts, breakdown) : parts),
    batchSize: request.batchSize,
    onBatch: (report) => {
      events += report.events.length;
      rss.sample();
      progress(events);
    },
  });
  const startRssBytes = process.memoryUsage.rss();
  const started = process.hrtime.bigint();
  await runner.runUntil(request.untilPosition);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = rss.stop();
  const documents = await readStore.count(runner.collection);
  const deadLetters = await readStore.count(DEAD_LETTERS.name);
  await readStore.close();
  await source.close();
  return {
    events,
    seconds,
    startRssBytes,
    maxRssBytes: peak.maxRssBytes,
    sampledPeakRssBytes: peak.sampledPeakBytes,
    ...(breakdown ? { breakdown } : {}),
    notes: [`${documents.toLocaleString('en-US')} customer-360 documents, ${deadLetters} dead letters`],
  };
}
