import { MinHeap } from './heap';

export interface Timed {
  readonly at: number;
  /** Breaks ties between timelines at the same instant, so the merged order is fully deterministic. */
  readonly rank: number;
}

const earlier = (a: Timed, b: Timed): number => a.at - b.at || a.rank - b.rank;

interface Head<T extends Timed> {
  readonly value: T;
  readonly source: Iterator<T>;
}

const firstHead = <T extends Timed>(timelines: Iterator<Iterator<T>>): Head<T> | undefined => {
  for (let timeline = timelines.next(); !timeline.done; timeline = timelines.next()) {
    const first = timeline.value.next();
    if (!first.done) {
      return { value: first.value, source: timeline.value };
    }
  }
  return undefined;
};

const startsBeforeAll = <T extends Timed>(candidate: Head<T>, heap: MinHeap<Head<T>>): boolean => {
  const top = heap.peek();
  return top === undefined || earlier(candidate.value, top.value) <= 0;
};

/**
 * Merges time-ordered timelines into one. Timelines must arrive ordered by their first element: a timeline
 * is only started once the merge reaches its first instant, so memory grows with the timelines in flight,
 * not with the whole history.
 */
export function* mergeTimelines<T extends Timed>(timelines: Iterable<Iterator<T>>): Generator<T> {
  const heap = new MinHeap<Head<T>>((a, b) => earlier(a.value, b.value));
  const waiting = timelines[Symbol.iterator]();
  let candidate = firstHead(waiting);
  for (;;) {
    while (candidate !== undefined && startsBeforeAll(candidate, heap)) {
      heap.push(candidate);
      candidate = firstHead(waiting);
    }
    const head = heap.pop();
    if (head === undefined) {
      return;
    }
    yield head.value;
    const following = head.source.next();
    if (!following.done) {
      heap.push({ value: following.value, source: head.source });
    }
  }
}
