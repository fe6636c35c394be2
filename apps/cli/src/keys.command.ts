import { Command } from 'commander';
import { openDataProtection, rewrapDataKeys } from '@crm/platform';

/** `crm keys …`: the customers' data keys (docs/data-protection.md). */
export function keysCommand(): Command {
  const keys = new Command('keys').description("customers' data keys");
  keys
    .command('rewrap')
    .description(
      'after a master key rotation (new CRM_MASTER_KEY, old one in CRM_PREVIOUS_MASTER_KEYS): wrap every live ' +
        'data key under the current master key; prints { examined, rewrapped } as JSON. Safe to rerun.',
    )
    .action(async () => {
      const protection = await openDataProtection(process.env);
      try {
        const report = await rewrapDataKeys(protection.keys, protection.ring);
        console.log(JSON.stringify({ masterKeyId: protection.ring.current.id, ...report }));
      } finally {
        await protection.keys.close();
      }
    });
  return keys;
}
