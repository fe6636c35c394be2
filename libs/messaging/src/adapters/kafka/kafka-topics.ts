import { type Admin, ConfigResourceTypes } from 'kafkajs';
import type { BusLog } from '../../bus-log';
import type { TopicSpec } from '../../event-bus';

/** What a topic's layout promises an `acks: -1` publish, as the broker reports it. */
export interface TopicDurability {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly minInSyncReplicas: number;
}

/**
 * Creates the missing topics, then checks every topic as the broker has it. Only missing topics are created,
 * so a broker that forbids creation (ACLs, managed clusters) is fine once an operator made them; kafkajs's
 * `createTopics` resolves false instead of throwing when every error is TOPIC_ALREADY_EXISTS (another process
 * won the race), so any error that reaches here is a real one.
 */
export async function ensureKafkaTopics(
  admin: Admin,
  topics: readonly TopicSpec[],
  replicationFactor: number,
  log: BusLog,
): Promise<TopicDurability[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic.name));
  if (missing.length > 0) {
    const created = await admin
      .createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor,
        })),
      })
      .catch((error: unknown) => {
        throw new Error(`Creating topics failed: ${creationErrors(error)}`, { cause: error });
      });
    log('info', created ? 'topics created' : 'topics already exist', { topics: missing });
  }
  const durability = await describeTopics(admin, topics);
  durability.forEach((topic, index) => checkTopic(topics[index], topic, log));
  return durability;
}

/** kafkajs's `KafkaJSAggregateError` says only "Topic creation errors"; the reasons are in `errors`. */
function creationErrors(error: unknown): string {
  const errors = (error as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return error instanceof Error ? error.message : String(error);
  return errors
    .map(
      (each: { topic?: string; type?: string; message?: string }) =>
        `${each.topic}: ${each.type} (${each.message})`,
    )
    .join('; ');
}

async function describeTopics(admin: Admin, topics: readonly TopicSpec[]): Promise<TopicDurability[]> {
  const names = topics.map((topic) => topic.name);
  const [metadata, configs] = await Promise.all([
    admin.fetchTopicMetadata({ topics: names }),
    admin.describeConfigs({
      includeSynonyms: false,
      resources: names.map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['min.insync.replicas'],
      })),
    }),
  ]);
  return names.map((name) => {
    const partitions = metadata.topics.find((topic) => topic.name === name)?.partitions ?? [];
    const entries = configs.resources.find((resource) => resource.resourceName === name)?.configEntries;
    const minIsr = entries?.find((entry) => entry.configName === 'min.insync.replicas')?.configValue;
    return {
      topic: name,
      partitions: partitions.length,
      replicationFactor: Math.min(...partitions.map((partition) => partition.replicas.length)),
      minInSyncReplicas: Number(minIsr ?? 1),
    };
  });
}

/**
 * A single-partition topic carries the global order (the ordered topic, ADR 0009): more partitions would
 * interleave it silently. `acks: -1` only waits for the replicas in sync at the time, so an acknowledged
 * message is on at least `min.insync.replicas` brokers: below 2 it may live on one broker only.
 */
function checkTopic(spec: TopicSpec, topic: TopicDurability, log: BusLog): void {
  if (spec.partitions === 1 && topic.partitions !== 1) {
    throw new Error(
      `Topic "${topic.topic}" must have exactly one partition to keep the global order, ` +
        `but the broker has it with ${topic.partitions}: recreate it with one partition`,
    );
  }
  if (topic.minInSyncReplicas > topic.replicationFactor) {
    throw new Error(
      `Topic "${topic.topic}" has min.insync.replicas=${topic.minInSyncReplicas} above its replication ` +
        `factor ${topic.replicationFactor}: every acks=-1 publish would fail with NOT_ENOUGH_REPLICAS`,
    );
  }
  const acknowledgedCopies = topic.minInSyncReplicas;
  if (acknowledgedCopies < 2) {
    log(
      'warn',
      'an acknowledged message may live on a single broker (acks=-1 waits for min.insync.replicas)',
      {
        ...topic,
        advice: 'production: replication factor 3, min.insync.replicas 2',
      },
    );
  } else {
    log('info', 'topic durability', { ...topic, survivesBrokerLosses: acknowledgedCopies - 1 });
  }
}
