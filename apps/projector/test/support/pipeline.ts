import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { ProjectionDefinition } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import type { TopicSpec } from '@crm/messaging';
import { type BusTopics, discoverProjections, projectionDelivery, projectionHost } from '@crm/platform';
import { collectionName } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';
import { dumpCollection } from '../../../../libs/projection-runtime/test/support/dump-collection';
import type { ProjectorSettings } from '../../src/bus-projectors';
import { customerRevisions } from './customer-revisions.projection';

export const ROOT = resolve(__dirname, '../../../..');

export const TOPICS: BusTopics = {
  customerEvents: 'crm.customer-events',
  orderedEvents: 'crm.customer-events.ordered',
  deadLetters: 'crm.customer-events.dlq',
  partitions: 4,
};

export const TOPIC_SPECS: TopicSpec[] = [
  { name: TOPICS.customerEvents, partitions: TOPICS.partitions },
  { name: TOPICS.orderedEvents, partitions: 1 },
  { name: TOPICS.deadLetters, partitions: 1 },
];

/** Every real projection, plus one that records the order each customer's events were applied in. */
export const pipelineDefinitions = (): ProjectionDefinition[] => [
  ...discoverProjections(),
  customerRevisions as unknown as ProjectionDefinition,
];

export const projectorSettings = (batchSize: number): ProjectorSettings => ({
  topics: TOPICS,
  groupPrefix: 'crm-projection',
  batchSize,
  maxAttempts: 3,
  retryDelayMs: 50,
  deliveryOf: (definition) =>
    definition.name === customerRevisions.name ? 'per-customer' : projectionDelivery(definition),
});

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface Worker {
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
}

/**
 * Runs a TypeScript worker in its own process, as the relay and projector apps run in production. Node
 * loads tsx in-process (`--import tsx`): the `tsx` command runs the script in a child of its own, which a
 * SIGKILL of the parent would leave running.
 */
export function startWorker(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const exited = new Promise<Exit>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return { child, exited };
}

/** The collections a pipeline run is compared on, as sorted JSON lines. */
export async function dumpReadModels(
  readStore: ReadStore,
  definitions: readonly ProjectionDefinition[],
): Promise<Record<string, string[]>> {
  const dumps: Record<string, string[]> = {};
  for (const collection of [...definitions.map(collectionName), 'dead_letters', 'projection_chain_heads']) {
    dumps[collection] = await dumpCollection(readStore, collection);
  }
  return dumps;
}

/** Read models built straight from the event store, as embedded mode builds them. */
export async function cleanRebuild(
  events: EventStore,
  readStore: ReadStore,
  definitions: readonly ProjectionDefinition[],
): Promise<Record<string, string[]>> {
  await projectionHost(events, readStore, definitions).catchUp();
  return dumpReadModels(readStore, definitions);
}
