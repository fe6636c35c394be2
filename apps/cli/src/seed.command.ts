import type { INestApplicationContext } from '@nestjs/common';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_DEMO_DATA_OPTIONS, type DemoDataOptions, demoCommands } from '@crm/demo-data';
import { DemoSeeder, type SeedSummary } from '../../api/src/seed/demo-seeder';
import { projectionsCaughtUp, withApiContext } from './api-context';
import { INTERRUPTED_EXIT_CODE, interruptible } from './interrupt';
import { ProgressReporter, withProgressOption } from './progress-reporter';

interface SeedOptions {
  readonly customers: number;
  readonly seed: number;
  readonly concurrency: number;
  readonly progress?: boolean;
}

const DEFAULT_CONCURRENCY = 64;

const wholeNumber =
  (min: number, max: number) =>
  (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return number;
  };

const count = (items: Iterable<unknown>): number => {
  let total = 0;
  for (const item of items) if (item !== undefined) total++;
  return total;
};

interface SeedRun {
  readonly summary: SeedSummary;
  /** Time spent sending commands, without start-up and the projections' catch-up. */
  readonly seconds: number;
}

async function seed(
  app: INestApplicationContext,
  data: DemoDataOptions,
  total: number,
  options: SeedOptions,
): Promise<SeedRun> {
  const bar = new ProgressReporter({ label: 'seed', unit: 'commands', progress: options.progress });
  bar.start(total);
  const summary = await interruptible((signal) =>
    app
      .get(DemoSeeder)
      .seed(data, options.concurrency, (p) => bar.update(p.done, p.done, `${p.appended} events`), signal),
  );
  bar.stop();
  const seconds = bar.elapsedSeconds();
  // The read models show the seed when the API starts next, instead of catching up then.
  await projectionsCaughtUp(app);
  return { summary, seconds };
}

/** `crm seed`: the demo data set (also `npm run seed`). */
export function seedCommand(): Command {
  const command = new Command('seed')
    .description(
      'load the deterministic demo data set (customers with purchases, returns, complaints, campaigns, ' +
        'consents, NPS and opportunities over two years) through the command bus, with automation off; ' +
        'prints the summary as JSON. Running it again appends nothing, so it also resumes an interrupted run.',
    )
    .option(
      '--customers <n>',
      'customers to generate',
      wholeNumber(0, 10_000_000),
      DEFAULT_DEMO_DATA_OPTIONS.customers,
    )
    .option('--seed <n>', 'generator seed', wholeNumber(0, 0xffffffff), DEFAULT_DEMO_DATA_OPTIONS.seed)
    .option('--concurrency <n>', 'commands in flight', wholeNumber(1, 10_000), DEFAULT_CONCURRENCY);
  return withProgressOption(command).action(async (options: SeedOptions) => {
    const data = { ...DEFAULT_DEMO_DATA_OPTIONS, customers: options.customers, seed: options.seed };
    const total = count(demoCommands(data));
    const { summary, seconds } = await withApiContext((app) => seed(app, data, total, options));
    const interrupted = summary.done < total;
    console.log(
      JSON.stringify({
        customers: data.customers,
        seed: data.seed,
        commands: summary.done,
        eventsAppended: summary.appended,
        alreadyPresent: summary.replayed,
        rejected: summary.rejected.length,
        firstRejections: summary.rejected.slice(0, 5),
        interrupted,
        seconds: Number(seconds.toFixed(1)),
        commandsPerSecond: Math.round(summary.done / seconds),
      }),
    );
    if (summary.rejected.length > 0) process.exitCode = 1;
    if (interrupted) process.exitCode = INTERRUPTED_EXIT_CODE;
  });
}
