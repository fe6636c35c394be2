import { customerStream, type EventEnvelope } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { type ExportSelection, scanEnd, scanStart, selects } from './export-selection';

export interface ExportProgress {
  /** Events read, whether or not they matched the selection. */
  readonly scanned: number;
  readonly exported: number;
  /** Position of the last event read; 0 before the first. */
  readonly lastPosition: number;
}

export interface ExportSummary extends ExportProgress {
  /** Stopped by the signal before the end of the selection; `--after lastPosition` resumes it. */
  readonly interrupted: boolean;
}

export interface ExportRun {
  /** Takes a chunk of complete JSON lines and resolves when the output can take more. */
  readonly write: (lines: string) => Promise<void>;
  /** Checked between batches: an export stops after the batch it is writing. */
  readonly signal?: AbortSignal;
  /** Events per read of the global log. */
  readonly batchSize?: number;
  /** A log scan runs after `start` up to and including `end`; a customer's stream is one read, unreported. */
  readonly onStart?: (start: number, end: number) => void;
  readonly onBatch?: (progress: ExportProgress) => void;
}

export const DEFAULT_EXPORT_BATCH_SIZE = 10_000;

/** The full envelope with its fields in a fixed order, so every line has the same shape whatever the adapter. */
const toJsonLine = (event: EventEnvelope): string =>
  JSON.stringify({
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    data: event.data,
    metadata: event.metadata,
  }) + '\n';

/** Writes the selected events as JSON lines: a customer's stream in revision order, or the log in position order. */
export function exportEvents(
  store: EventStore,
  selection: ExportSelection,
  run: ExportRun,
): Promise<ExportSummary> {
  return selection.customerId === undefined
    ? exportLog(store, selection, run)
    : exportStream(store, customerStream(selection.customerId), selection, run);
}

async function exportStream(
  store: EventStore,
  streamId: string,
  selection: ExportSelection,
  run: ExportRun,
): Promise<ExportSummary> {
  const events = await store.readStream(streamId);
  const matching = events.filter(selects(selection));
  if (matching.length > 0) await run.write(matching.map(toJsonLine).join(''));
  const lastPosition = events.at(-1)?.position ?? 0;
  return { scanned: events.length, exported: matching.length, lastPosition, interrupted: false };
}

/**
 * Scans the log in position order. Instant bounds filter on occurredAt, and backdated imports put old
 * occurredAt values late in the log, so they never end the scan early; only a position bound does.
 */
async function exportLog(
  store: EventStore,
  selection: ExportSelection,
  run: ExportRun,
): Promise<ExportSummary> {
  const start = scanStart(selection);
  const end = scanEnd(selection, await store.headPosition());
  const matches = selects(selection);
  const limit = run.batchSize ?? DEFAULT_EXPORT_BATCH_SIZE;
  run.onStart?.(start, end);
  let progress: ExportProgress = { scanned: 0, exported: 0, lastPosition: start };
  while (progress.lastPosition < end && run.signal?.aborted !== true) {
    const batch = (await store.readAll({ after: progress.lastPosition, limit })).filter(
      (event) => event.position <= end,
    );
    if (batch.length === 0) break;
    const matching = batch.filter(matches);
    if (matching.length > 0) await run.write(matching.map(toJsonLine).join(''));
    progress = {
      scanned: progress.scanned + batch.length,
      exported: progress.exported + matching.length,
      lastPosition: batch[batch.length - 1].position,
    };
    run.onBatch?.(progress);
  }
  return { ...progress, interrupted: progress.lastPosition < end && run.signal?.aborted === true };
}
