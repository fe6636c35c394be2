import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { DEFAULT_DEMO_DATA_OPTIONS, type DemoDataOptions, demoCommands } from '@crm/demo-data';
import type { ProjectionHost } from '@crm/projection-runtime';
import { PROJECTION_HOST } from '@crm/platform';
import { AppModule } from '../app.module';
import { DemoSeeder } from './demo-seeder';
import { SeedProgressBar } from './seed-progress-bar';

const HELP = `npm run seed -- [options]

Loads a deterministic demo data set (customers with purchases, returns, complaints, campaigns, consents,
NPS and opportunities over two years) through the command bus. Running it again appends nothing.

  --customers N     customers to generate            (default ${DEFAULT_DEMO_DATA_OPTIONS.customers})
  --seed N          generator seed                   (default ${DEFAULT_DEMO_DATA_OPTIONS.seed})
  --concurrency N   commands in flight               (default 64)
  --help`;

const count = (items: Iterable<unknown>): number => {
  let total = 0;
  for (const item of items) if (item !== undefined) total++;
  return total;
};

function readOptions(): { data: DemoDataOptions; concurrency: number } | undefined {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string', default: '64' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return undefined;
  const integer = (name: string, raw: string | undefined, fallback: number): number => {
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`--${name} must be a whole number`);
    return value;
  };
  return {
    data: {
      ...DEFAULT_DEMO_DATA_OPTIONS,
      customers: integer('customers', values.customers, DEFAULT_DEMO_DATA_OPTIONS.customers),
      seed: integer('seed', values.seed, DEFAULT_DEMO_DATA_OPTIONS.seed),
    },
    concurrency: Math.max(1, integer('concurrency', values.concurrency, 64)),
  };
}

/** The running projections have applied everything appended so far, so the read models show the seed. */
async function projectionsCaughtUp(host: ProjectionHost | undefined): Promise<void> {
  while (host !== undefined) {
    const statuses = await host.statuses();
    if (statuses.every((status) => status.lagEvents === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options === undefined) return void console.log(HELP);
  // Demo data is history: automation rules must never act on it (docs/automation.md).
  process.env.AUTOMATION_ENABLED = 'false';
  const logger = new ConsoleLogger({ json: true, logLevels: ['error', 'warn'] });
  const app = await NestFactory.createApplicationContext(AppModule, { logger });
  app.enableShutdownHooks();
  const bar = new SeedProgressBar();
  bar.start(count(demoCommands(options.data)));
  const summary = await app.get(DemoSeeder).seed(options.data, options.concurrency, (p) => bar.update(p));
  bar.stop();
  const seconds = bar.elapsedSeconds();
  await projectionsCaughtUp(app.get<ProjectionHost | undefined>(PROJECTION_HOST, { strict: false }));
  console.log(
    JSON.stringify({
      customers: options.data.customers,
      seed: options.data.seed,
      commands: summary.done,
      eventsAppended: summary.appended,
      alreadyPresent: summary.replayed,
      rejected: summary.rejected.length,
      firstRejections: summary.rejected.slice(0, 5),
      seconds: Number(seconds.toFixed(1)),
      commandsPerSecond: Math.round(summary.done / seconds),
    }),
  );
  await app.close();
  if (summary.rejected.length > 0) process.exitCode = 1;
}

void main();
