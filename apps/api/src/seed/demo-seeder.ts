import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandOutcome } from '@crm/application';
import { type DemoCommand, type DemoDataOptions, demoCommands } from '@crm/demo-data';
import type { CommandContext } from '../commands/command-context';
import { ExecuteCustomerCommand, ExecuteOpportunityCommand } from '../commands/execute-command';
import { SeedOrdering } from './seed-ordering';

export interface SeedProgress {
  readonly done: number;
  readonly appended: number;
}

export interface SeedSummary extends SeedProgress {
  readonly replayed: number;
  readonly rejected: ReadonlyArray<{ readonly commandId: string; readonly error: string }>;
}

const SEED_CONTEXT = (seed: number): CommandContext => ({
  principal: { subject: 'demo-seed', roles: ['service'], service: 'demo-seed' },
  correlationId: `demo-seed-${seed}`,
  // Demo history already happened: automation in a running API must not act on it.
  imported: true,
});

/**
 * Loads the demo data set through the command bus, the same path HTTP commands take. Command ids are
 * fixed by the generator, so running it again appends nothing, and a run stopped by `signal` (no new
 * commands, the ones in flight finish) resumes by running it again.
 */
@Injectable()
export class DemoSeeder {
  constructor(private readonly commands: CommandBus) {}

  async seed(
    options: DemoDataOptions,
    concurrency: number,
    onProgress: (progress: SeedProgress) => void,
    signal?: AbortSignal,
  ): Promise<SeedSummary> {
    const context = SEED_CONTEXT(options.seed);
    const ordering = new SeedOrdering();
    const tails = new Map<string, Promise<void>>();
    const inFlight = new Set<Promise<void>>();
    const summary = {
      done: 0,
      appended: 0,
      replayed: 0,
      rejected: [] as { commandId: string; error: string }[],
    };
    const record = (outcome: CommandOutcome): void => {
      if (outcome.replayed) summary.replayed++;
      else summary.appended += outcome.events.length;
    };
    for (const item of demoCommands(options)) {
      if (signal?.aborted === true) break;
      const key = ordering.keyOf(item);
      const run = async (): Promise<void> => {
        await this.execute(item, context).then(record, (error: unknown) => {
          summary.rejected.push({ commandId: item.commandId, error: (error as Error).message });
        });
        summary.done++;
        onProgress(summary);
      };
      const task = (tails.get(key) ?? Promise.resolve()).then(run);
      tails.set(key, task);
      inFlight.add(task);
      void task.then(() => {
        inFlight.delete(task);
        if (tails.get(key) === task) tails.delete(key);
      });
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return summary;
  }

  private execute(item: DemoCommand, context: CommandContext): Promise<CommandOutcome> {
    return item.aggregate === 'customer'
      ? this.commands.execute(new ExecuteCustomerCommand(item.command, context, item.commandId))
      : this.commands.execute(new ExecuteOpportunityCommand(item.command, context, item.commandId));
  }
}
