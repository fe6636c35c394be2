import { Command } from 'commander';
import { verifyAuditTrail } from '@crm/platform';
import { withReadStore } from './read-store-context';

/** Exit code of `crm audit verify` when the chain is broken: scripts and cron jobs can alert on it. */
export const BROKEN_CHAIN_EXIT_CODE = 3;

/** `crm audit …`: the tamper-evident audit trail. */
export function auditCommand(): Command {
  const audit = new Command('audit').description('the hash-chained audit trail');
  audit
    .command('verify')
    .description(
      "recompute the audit trail's hash chain from the stored entries and print the first broken link " +
        `(position, problem, expected vs found) as JSON; exit code ${BROKEN_CHAIN_EXIT_CODE} when broken`,
    )
    .action(async () => {
      const verification = await withReadStore((reads) => verifyAuditTrail(reads));
      console.log(JSON.stringify(verification));
      if (!verification.ok) process.exitCode = BROKEN_CHAIN_EXIT_CODE;
    });
  return audit;
}
