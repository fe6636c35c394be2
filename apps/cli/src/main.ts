import { Command } from 'commander';
import { installCrashHandlers } from '@crm/platform';
import { auditCommand } from './audit.command';
import { exportCommand } from './export.command';
import { keysCommand } from './keys.command';
import { loyaltyCommand } from './loyalty.command';
import { projectionCommands } from './projections.command';
import { queryCommand } from './query.command';
import { seedCommand } from './seed.command';

// Crash-only: an error nobody handled is logged as JSON and ends the process (docs/operations.md).
installCrashHandlers('cli');

/** The `crm` command. Each command group lives in its own `<group>.command.ts`. */
const program = new Command('crm')
  .description('operations on the event-sourced CRM (uses CRM_MODE, CRM_DATA_DIR like the API)')
  .addCommand(loyaltyCommand())
  .addCommand(seedCommand())
  .addCommand(exportCommand())
  .addCommand(queryCommand())
  .addCommand(auditCommand())
  .addCommand(keysCommand());
for (const command of projectionCommands()) program.addCommand(command);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
