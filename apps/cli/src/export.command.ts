import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_EXPORT_BATCH_SIZE, type ExportSummary, exportEvents } from './event-export';
import { withEventStore } from './event-store-context';
import { type ExportSelection, parseCustomerId, selectionProblem } from './export-selection';
import { INTERRUPTED_EXIT_CODE, interruptible } from './interrupt';
import { JsonlSink, isBrokenPipe } from './jsonl-sink';
import { type LogBound, parseLogBound, parsePosition } from './log-bound';
import { ProgressReporter, withProgressOption } from './progress-reporter';

interface ExportOptions {
  readonly customer?: string;
  readonly from?: LogBound;
  readonly to?: LogBound;
  readonly after?: number;
  readonly out?: string;
  readonly batchSize: number;
  readonly progress?: boolean;
}

const parseBatchSize = (value: string): number => {
  const size = Number(value);
  if (!/^\d+$/.test(value) || size < 1 || size > 100_000) {
    throw new InvalidArgumentError('expected a whole number from 1 to 100000');
  }
  return size;
};

async function runExport(selection: ExportSelection, options: ExportOptions): Promise<ExportSummary> {
  const sink = options.out === undefined ? JsonlSink.stdout() : await JsonlSink.file(options.out);
  const bar = new ProgressReporter({ label: 'export', unit: 'events', progress: options.progress });
  let start = 0;
  try {
    return await withEventStore((store) =>
      interruptible((signal) =>
        exportEvents(store, selection, {
          write: (lines) => sink.write(lines),
          signal,
          batchSize: options.batchSize,
          onStart: (first, end) => {
            start = first;
            bar.start(end - first);
          },
          onBatch: (p) => bar.update(p.lastPosition - start, p.scanned, `${p.exported} exported`),
        }),
      ),
    );
  } finally {
    bar.stop();
    await sink.close();
  }
}

/** The summary goes to stderr whatever the output: stdout may be the export itself. */
function report(selection: ExportSelection, summary: ExportSummary, seconds: number): void {
  if (selection.customerId !== undefined && summary.scanned === 0) {
    console.error(`no events for customer ${selection.customerId}`);
  }
  const resume = summary.interrupted ? { resumeWith: `--after ${summary.lastPosition}` } : {};
  console.error(
    JSON.stringify({
      ...summary,
      ...resume,
      seconds: Number(seconds.toFixed(1)),
      eventsPerSecond: Math.round(summary.scanned / seconds),
    }),
  );
  if (summary.interrupted) process.exitCode = INTERRUPTED_EXIT_CODE;
}

/** `crm export`: events as JSON lines, for analysts' own tools (docs/cli.md). */
export function exportCommand(): Command {
  const command = new Command('export')
    .description(
      'write events as JSON lines (the full envelope, upcast to the current schema): one customer, ' +
        'or the global log between positions or occurredAt instants. Output is personal data.',
    )
    .option('--customer <id>', "one customer's stream, in revision order", parseCustomerId)
    .option(
      '--from <position|instant>',
      'from this position (inclusive) or occurredAt instant (inclusive)',
      parseLogBound,
    )
    .option(
      '--to <position|instant>',
      'up to this position (inclusive) or occurredAt instant (inclusive)',
      parseLogBound,
    )
    .option(
      '--after <position>',
      'only events after this position: resumes an interrupted export',
      parsePosition,
    )
    .option('--out <file>', 'write to this file (replacing it) instead of stdout')
    .option('--batch-size <n>', 'events per read of the log', parseBatchSize, DEFAULT_EXPORT_BATCH_SIZE);
  return withProgressOption(command).action(async (options: ExportOptions) => {
    const selection: ExportSelection = {
      customerId: options.customer,
      from: options.from,
      to: options.to,
      after: options.after,
    };
    const problem = selectionProblem(selection);
    if (problem !== undefined) command.error(`error: ${problem}`);
    const startedAt = performance.now();
    try {
      const summary = await runExport(selection, options);
      report(selection, summary, Math.max((performance.now() - startedAt) / 1_000, 0.001));
    } catch (error) {
      if (!isBrokenPipe(error)) throw error;
    }
  });
}
