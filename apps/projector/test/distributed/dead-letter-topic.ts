import { Kafka, logLevel } from 'kafkajs';

const kafkaOf = (brokers: string) =>
  new Kafka({ clientId: 'distributed-e2e', brokers: brokers.split(','), logLevel: logLevel.NOTHING });

/** Publishes a message no event decoder can read, as a misbehaving producer would. */
export async function publishUndecodable(brokers: string, topic: string, key: string): Promise<void> {
  const producer = kafkaOf(brokers).producer();
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key, value: '{"not": "an event envelope"' }] });
  } finally {
    await producer.disconnect();
  }
}

/** The keys of every message on a topic (the dead-letter topic: a handful of messages). */
export async function keysOnTopic(brokers: string, topic: string): Promise<string[]> {
  const admin = kafkaOf(brokers).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const total = offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
    if (total === 0) return [];
    const consumer = kafkaOf(brokers).consumer({ groupId: `dlq-reader-${Date.now()}` });
    const keys: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((done) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          keys.push(message.key?.toString() ?? '');
          if (keys.length >= total) done();
        },
      });
    });
    await consumer.disconnect();
    return keys;
  } finally {
    await admin.disconnect();
  }
}
