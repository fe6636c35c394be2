import { upcast } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { UpcastingEventStore } from '@crm/event-store/upcasting-event-store';
import { DEAD_LETTERS, type EventSource, ProjectionRunner, rebuild } from '@crm/projection-runtime';
import { customer360 } from '@crm/projections/customer-360';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import type { ReadStore } from '@crm/read-store/read-store';
import { type Breakdown, emptyBreakdown, instrument } from './breakdown';
import { PeakRss } from './peak-rss';
import type { PhaseRequest, PhaseResult } from './phase-protocol';
import { ThreadCpu, type ThreadCpuSeconds } from './thread-cpu';

type RebuildRequest = Extract<PhaseRequest, { phase: 'rebuild' }>;

interface Parts {
  readonly source: EventSource;
  readonly readStore: ReadStore;
  readonly definition: typeof customer360;
}

/**
 * Rebuilds customer-360 into a fresh read-store file from position 0 to the seeded log's `events`-th
 * event, with the engine asked for:
 * - `replay`: `rebuild()`, as `crm rebuild customer-360` runs it (event store behind the upcaster, as the
 *   CLI opens it), into a shadow collection, indexes built, alias swapped; the log's head is pinned at the
 *   `events`-th event, so a cached longer log is read only that far.
 * - `runner`: `ProjectionRunner.runUntil(position)`, the API's live runner (`catchUp()` with the head pinned;
 *   its last batch may overshoot by < batchSize).
 */
export async function rebuildCustomer360(
  request: RebuildRequest,
  progress: (events: number) => void,
): Promise<PhaseResult> {
  const events = SqliteEventStore.open({ path: request.eventsPath });
  const readStore = SqliteReadStore.open({ path: request.readsPath });
  const breakdown: Breakdown | undefined = request.instrumented ? emptyBreakdown() : undefined;
  const source = pinnedHead(new UpcastingEventStore(events, upcast), request.untilPosition);
  const plain: Parts = { source, readStore, definition: customer360 };
  const parts = breakdown ? instrument(plain, breakdown) : plain;
  const rss = new PeakRss();
  const cpu = new ThreadCpu();
  let applied = 0;
  const onEvents = (total: number): void => {
    applied = total;
    rss.sample();
    cpu.sample();
    progress(total);
  };
  const startRssBytes = process.memoryUsage.rss();
  const started = process.hrtime.bigint();
  const rebuilt = request.engine === 'replay' ? withReplay : withRunner;
  const collection = await rebuilt(parts, request, onEvents);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = rss.stop();
  const threads = cpu.stop();
  const documents = await readStore.count(collection);
  const deadLetters = await readStore.count(DEAD_LETTERS.name);
  await readStore.close();
  await events.close();
  return {
    events: applied,
    seconds,
    startRssBytes,
    maxRssBytes: peak.maxRssBytes,
    sampledPeakRssBytes: peak.sampledPeakBytes,
    ...(breakdown ? { breakdown } : {}),
    notes: [
      `${documents.toLocaleString('en-US')} customer-360 documents, ${deadLetters} dead letters`,
      ...(threads === undefined ? [] : [cpuNote(threads, seconds)]),
    ],
  };
}

async function withReplay(
  parts: Parts,
  request: RebuildRequest,
  onEvents: (n: number) => void,
): Promise<string> {
  const summary = await rebuild(parts.definition, {
    ...parts,
    batchSize: request.batchSize,
    cacheDocuments: request.cacheDocuments,
    onProgress: (progress) => onEvents(progress.events),
  });
  if (!summary.swapped) throw new Error(`the rebuild did not swap: ${JSON.stringify(summary)}`);
  onEvents(summary.events);
  return summary.alias;
}

async function withRunner(
  parts: Parts,
  request: RebuildRequest,
  onEvents: (n: number) => void,
): Promise<string> {
  let events = 0;
  const runner = new ProjectionRunner({
    ...parts,
    batchSize: request.batchSize,
    onBatch: (report) => onEvents((events += report.events.length)),
  });
  await runner.runUntil(request.untilPosition);
  return runner.collection;
}

/** Where the CPU went, by thread, and how many of the machine's cores that kept busy on average. */
function cpuNote({ main, started, others }: ThreadCpuSeconds, seconds: number): string {
  const total = main + started + others;
  return (
    `CPU ${total.toFixed(1)} s in all (${(total / seconds).toFixed(2)} cores over the ${seconds.toFixed(2)} s): ` +
    `main thread ${main.toFixed(1)} s, threads started by the rebuild (the read-ahead reader) ${started.toFixed(1)} s, ` +
    `the process's other threads (V8's GC helpers) ${others.toFixed(1)} s`
  );
}

/** The source with its head pinned at `head`: a rebuild reads to it and finds nothing newer to catch up. */
function pinnedHead(source: EventSource, head: number): EventSource {
  return {
    readAll: (options) => source.readAll(options),
    ...(source.readAllByStream && { readAllByStream: source.readAllByStream.bind(source) }),
    ...(source.readAllByStreamPages && { readAllByStreamPages: source.readAllByStreamPages.bind(source) }),
    subscribeToAll: (options) => source.subscribeToAll(options),
    headPosition: async () => Math.min(head, await source.headPosition()),
  };
}
