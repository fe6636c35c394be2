import type { EventEnvelope } from '@crm/domain';
import type { EventSource, StreamCursor } from '../event-source';

export interface StreamPagesOptions {
  readonly until: number;
  readonly after?: StreamCursor;
  readonly pageSize: number;
}

/**
 * The source's log up to `until`, stream by stream, in pages of `pageSize` (no empty page): read ahead
 * when the source offers it (`readAllByStreamPages`), else one `readAllByStream` per page when asked.
 */
export function streamPages(
  source: EventSource,
  options: StreamPagesOptions,
): AsyncIterable<readonly EventEnvelope[]> {
  return source.readAllByStreamPages?.(options) ?? pageByPage(source, options);
}

async function* pageByPage(
  source: EventSource,
  { until, after, pageSize }: StreamPagesOptions,
): AsyncGenerator<readonly EventEnvelope[]> {
  const read = source.readAllByStream as NonNullable<EventSource['readAllByStream']>;
  let cursor = after;
  for (;;) {
    const page = await read.call(source, { until, after: cursor, limit: pageSize });
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    cursor = page[page.length - 1];
  }
}
