import type { NewEvent } from '@crm/domain';

/** What one page of a whole-log read returned: how many events, and the position to continue after. */
export interface Page {
  readonly count: number;
  readonly lastPosition: number;
}

/**
 * One system under test, seen by the workload runner. Every subject stores the same events and the
 * runner times every subject the same way, so only the code behind these methods differs.
 *
 * `expected` is always the revision of the stream's last event before the append (0-based, -1 when
 * the stream does not exist yet): every append in the benchmark carries an exact optimistic
 * concurrency check, as a command handler would.
 */
export interface Subject {
  readonly name: string;
  appendBatch(streamId: string, events: readonly NewEvent[], expected: number): Promise<void> | void;
  appendSingle(streamId: string, event: NewEvent, expected: number): Promise<void> | void;
  /** Events with position strictly greater than `after`, at most `limit`, fully decoded. */
  readAllPage(after: number, limit: number): Promise<Page> | Page;
  /** Number of events in the stream, fully decoded. */
  readStream(streamId: string): Promise<number> | number;
  close(): Promise<void> | void;
}
