import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';

/** Where the shared test servers are; the bench creates its own topics and databases there. */
export interface TestServers {
  readonly brokers: readonly string[];
  readonly mongoUrl: string;
}

/** Topic, group and database names of one run, so that runs and other users of the servers never meet. */
export interface RunNames {
  readonly prefix: string;
  topic(name: string): string;
  group(name: string): string;
  database(name: string): string;
}

const HOW_TO_START = [
  'bench:distributed needs the real Kafka broker and the MongoDB-wire database. From the repository root:',
  '',
  '  npm run test:servers:start',
  '  source .test-servers/env',
  '  npm run bench:distributed',
  '',
].join('\n');

/** KAFKA_BROKERS and MONGO_URL, as `.test-servers/env` sets them; refuses anything but loopback. */
export function testServers(env: NodeJS.ProcessEnv): TestServers {
  const brokers = env.KAFKA_BROKERS?.split(',').filter((broker) => broker !== '') ?? [];
  const mongoUrl = env.MONGO_URL ?? '';
  if (brokers.length === 0 || mongoUrl === '') {
    const missing = [brokers.length === 0 ? 'KAFKA_BROKERS' : '', mongoUrl === '' ? 'MONGO_URL' : '']
      .filter((name) => name !== '')
      .join(' and ');
    throw new Error(`${missing} not set.\n\n${HOW_TO_START}`);
  }
  const loopback = (host: string) => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
  const mongoHosts = mongoUrl
    .replace(/^mongodb:\/\//, '')
    .split(/[/?]/)[0]
    .split(',');
  if (!brokers.every(loopback) || !mongoHosts.every(loopback))
    throw new Error(
      `the bench only talks to loopback servers: KAFKA_BROKERS=${brokers.join(',')} MONGO_URL=${mongoUrl}`,
    );
  return { brokers, mongoUrl };
}

export function runNames(): RunNames {
  const prefix = `bench-dist-${randomBytes(3).toString('hex')}`;
  const underscored = prefix.replace(/-/g, '_');
  return {
    prefix,
    topic: (name) => `${prefix}.${name}`,
    group: (name) => `${prefix}-${name}`,
    database: (name) => `${underscored}_${name}`,
  };
}

/**
 * Deletes the topics and databases a run created (whatever phase it stopped in) and the consumer groups
 * named after it; what is already gone is skipped.
 */
export async function removeRunData(servers: TestServers, names: RunNames): Promise<void> {
  const kafka = new Kafka({
    clientId: names.prefix,
    brokers: [...servers.brokers],
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${names.prefix}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    const groups = (await admin.listGroups()).groups
      .map((group) => group.groupId)
      .filter((groupId) => groupId.startsWith(`${names.prefix}-`));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
  const client = new MongoClient(servers.mongoUrl);
  await client.connect();
  try {
    const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
    const ours = databases.map((db) => db.name).filter((name) => name.startsWith(names.database('')));
    for (const name of ours) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}
