import type { EventEnvelope } from '@crm/domain';

/**
 * `pages` with each page passed through `map`, for a store that wraps another. Ending the loop over the
 * result ends the loop over `pages`, so the inner read-ahead stops with it.
 */
export async function* mapPages(
  pages: AsyncIterable<EventEnvelope[]>,
  map: (page: EventEnvelope[]) => EventEnvelope[] | Promise<EventEnvelope[]>,
): AsyncGenerator<EventEnvelope[]> {
  for await (const page of pages) yield await map(page);
}
