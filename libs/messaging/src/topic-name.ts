import type { TopicSpec } from './event-bus';

/** Kafka's rule for topic names: up to 249 of `[a-zA-Z0-9._-]`, and not `.` or `..`. */
export const TOPIC_NAME = /^(?!\.{1,2}$)[a-zA-Z0-9._-]{1,249}$/;

export function assertTopicSpec(topic: TopicSpec): void {
  if (!TOPIC_NAME.test(topic.name)) throw new RangeError(`Invalid topic name "${topic.name}"`);
  if (!Number.isInteger(topic.partitions) || topic.partitions < 1) {
    throw new RangeError(
      `Topic "${topic.name}" needs a whole number of partitions ≥ 1, got ${topic.partitions}`,
    );
  }
}
