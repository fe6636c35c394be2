import { Command } from 'commander';
import { loyaltyCommand } from './loyalty.command';

/** The `crm` command. Each command group lives in its own `<group>.command.ts`. */
const program = new Command('crm')
  .description('operations on the event-sourced CRM (uses CRM_MODE, CRM_DATA_DIR like the API)')
  .addCommand(loyaltyCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
