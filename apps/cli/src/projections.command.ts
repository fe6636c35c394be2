import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import {
  rebuild,
  type ReplayBound,
  type ReplayOptions,
  type ReplayProgress,
  type ReplaySummary,
  replay,
  replayAdHoc,
  rollback,
} from '@crm/projection-runtime';
import { loadAdHocDefinition } from './ad-hoc-definition';
import { interruptible, INTERRUPTED_EXIT_CODE } from './interrupt';
import { parseLogBound } from './log-bound';
import { findProjection, projectionCatalogue } from './projection-catalogue';
import { projectionOverview } from './projection-overview';
import { ProgressReporter, withProgressOption } from './progress-reporter';
import { withStores } from './stores';

const BATCH_SIZE = 5_000;

const bound = (value: string): ReplayBound => {
  const parsed = parseLogBound(value);
  return parsed.kind === 'position' ? parsed.position : parsed.instant;
};

const positiveInteger = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('expected a whole number ≥ 1');
  return parsed;
};

/** Runs a long replay with a progress bar and Ctrl-C handling, then prints its summary as JSON. */
async function runWithProgress<T extends ReplaySummary>(
  label: string,
  progress: boolean | undefined,
  work: (signal: AbortSignal, onProgress: (progress: ReplayProgress) => void) => Promise<T>,
): Promise<void> {
  const bar = new ProgressReporter({ label, unit: 'events', progress });
  let started = false;
  const onProgress = (at: ReplayProgress): void => {
    if (!started) bar.start(Math.max(at.until - at.resumedFrom, 1));
    started = true;
    // A replay stream by stream (ADR 0011) reads the whole log before its position moves: count what it
    // read, and say so rather than show the checkpoint it started from as if it were stuck there.
    const byStream = at.position === at.resumedFrom && at.events > 0;
    const done = Math.max(at.position - at.resumedFrom, at.events);
    const detail = byStream
      ? `stream by stream, to position ${at.until}`
      : `position ${at.position} of ${at.until}`;
    bar.update(done, at.events, detail);
  };
  const summary = await interruptible((signal) => work(signal, onProgress)).finally(() => bar.stop());
  const seconds = summary.elapsedMs / 1_000;
  console.log(
    JSON.stringify({
      ...summary,
      seconds,
      eventsPerSecond: Math.round(summary.events / Math.max(seconds, 0.001)),
    }),
  );
  if (summary.interrupted) process.exitCode = INTERRUPTED_EXIT_CODE;
}

interface ReplayCommandOptions {
  readonly definition?: string;
  readonly from?: ReplayBound;
  readonly to?: ReplayBound;
  readonly batchSize: number;
  readonly progress?: boolean;
}

/**
 * The replay of a registered projection by name, or of the definition a file exports. The file is loaded
 * and checked here, before any store is opened: a mistake in it costs nothing.
 */
function replayOf(
  name: string | undefined,
  file: string | undefined,
): (options: ReplayOptions) => Promise<ReplaySummary> {
  const catalogue = projectionCatalogue();
  if (file === undefined) {
    const { definition, options: run } = findProjection(name as string, catalogue);
    return (options) => replay(definition, { ...run, ...options });
  }
  const definition = loadAdHocDefinition(
    file,
    catalogue.map((entry) => entry.definition),
  );
  return (options) => replayAdHoc(definition, resolve(file), options);
}

function replayCommand(): Command {
  const command = new Command('replay')
    .description(
      'fill a projection (existing or new) from the event store, in large batches from its checkpoint; ' +
        'Ctrl-C stops after the batch in hand and running it again resumes',
    )
    .argument('[projection]', 'projection name, e.g. customer-360')
    .option(
      '--definition <file>',
      'instead of a name: a projection defined in a .ts/.js file in any folder, replayed into its own ' +
        'collection and readable by its name afterwards (docs/projections.md, "The analyst\'s loop")',
    )
    .option('--from <position|instant>', 'first global position, or ISO instant on occurredAt', bound)
    .option('--to <position|instant>', 'last global position, or ISO instant on occurredAt', bound)
    .option('--batch-size <events>', 'events per batch', positiveInteger, BATCH_SIZE);
  return withProgressOption(command).action(
    async (name: string | undefined, { progress, definition: file, ...bounds }: ReplayCommandOptions) => {
      if ((name === undefined) === (file === undefined)) {
        throw new InvalidArgumentError(
          'replay takes a projection name or --definition <file>, one of the two',
        );
      }
      const run = replayOf(name, file);
      await withStores(({ events, reads }) =>
        runWithProgress('replay', progress, (signal, onProgress) =>
          run({ ...bounds, source: events, readStore: reads, signal, onProgress }),
        ),
      );
    },
  );
}

function rebuildCommand(): Command {
  const command = new Command('rebuild')
    .description(
      'build the projection into a shadow collection while the alias keeps serving, catch up to the ' +
        'live head, then swap the alias atomically; the replaced collection is kept for rollback',
    )
    .argument('<projection>', 'projection name, e.g. customer-360')
    .option('--keep-old', 'keep the replaced collection for good, not only until the next rebuild')
    .option('--batch-size <events>', 'events per batch', positiveInteger, BATCH_SIZE);
  return withProgressOption(command).action(
    async (name: string, options: { keepOld?: boolean; batchSize: number; progress?: boolean }) => {
      const { progress, ...rest } = options;
      const { definition, options: run } = findProjection(name);
      await withStores(({ events, reads }) =>
        runWithProgress('rebuild', progress, (signal, onProgress) =>
          rebuild(definition, { ...run, ...rest, source: events, readStore: reads, signal, onProgress }),
        ),
      );
    },
  );
}

function rollbackCommand(): Command {
  return new Command('rollback')
    .description('point the alias back at the collection the last rebuild replaced')
    .argument('<projection>', 'projection name, e.g. customer-360')
    .action(async (name: string) => {
      findProjection(name);
      const result = await withStores(({ reads }) => rollback(reads, name));
      console.log(JSON.stringify(result));
    });
}

function statusCommand(): Command {
  return new Command('projections')
    .description(
      'name, version, collection, alias, position, lag, events/s and dead letters of every projection',
    )
    .option('--sample <ms>', 'how long to watch the checkpoints for the rate', positiveInteger, 1_000)
    .action(async (options: { sample: number }) => {
      const rows = await withStores((stores) =>
        projectionOverview(stores, projectionCatalogue(), options.sample),
      );
      console.table(rows);
    });
}

/** `crm projections`, `crm replay`, `crm rebuild`, `crm rollback`. */
export function projectionCommands(): Command[] {
  return [statusCommand(), replayCommand(), rebuildCommand(), rollbackCommand()];
}
