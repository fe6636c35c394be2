// Waits until the test servers answer their own protocol (not just an open port): Kafka's metadata
// and the MongoDB `ping`. Exits non-zero, naming the server, when one does not answer within the limit.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Kafka, logLevel } = require('kafkajs');
const { MongoClient } = require('mongodb');

const deadline = Date.now() + Number(process.env.TEST_SERVERS_WAIT_MS ?? 90_000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(name, probe) {
  let lastError;
  while (Date.now() < deadline) {
    try {
      const detail = await probe();
      console.log(`${name}: ready (${detail})`);
      return;
    } catch (error) {
      lastError = error;
      await sleep(500);
    }
  }
  throw new Error(`${name} did not answer in time: ${lastError?.message ?? lastError}`);
}

async function kafkaAnswers() {
  const kafka = new Kafka({
    clientId: 'test-servers-ready',
    brokers: process.env.KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return `cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s)`;
  } finally {
    await admin.disconnect();
  }
}

async function mongoAnswers() {
  const client = new MongoClient(process.env.MONGO_URL, { serverSelectionTimeoutMS: 1_000 });
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    return `wire version of MongoDB ${info.version}`;
  } finally {
    await client.close();
  }
}

try {
  await Promise.all([until('kafka', kafkaAnswers), until('mongodb (ferretdb)', mongoAnswers)]);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
