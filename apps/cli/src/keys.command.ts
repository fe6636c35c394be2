import { Command } from 'commander';
import { openDataProtection, rewrapDataKeys } from '@crm/platform';
import { ProgressReporter, withProgressOption } from './progress-reporter';

/** `crm keys …`: the customers' data keys (docs/data-protection.md). */
export function keysCommand(): Command {
  const keys = new Command('keys').description("customers' data keys");
  const rewrap = keys
    .command('rewrap')
    .description(
      'after a master key rotation (new CRM_MASTER_KEY, old one in CRM_PREVIOUS_MASTER_KEYS): wrap every live ' +
        'data key under the current master key; prints { examined, rewrapped } as JSON. Safe to rerun.',
    );
  withProgressOption(rewrap).action(async (options: { progress?: boolean }) => {
    const protection = await openDataProtection(process.env);
    // The number of live keys is not known up front: count and rate, no ETA.
    const bar = new ProgressReporter({ label: 'keys rewrap', unit: 'keys', progress: options.progress });
    bar.start();
    try {
      const report = await rewrapDataKeys(protection.keys, protection.ring, undefined, (soFar) =>
        bar.update(soFar.examined, soFar.examined, `${soFar.rewrapped} rewrapped`),
      );
      console.log(JSON.stringify({ masterKeyId: protection.ring.current.id, ...report }));
    } finally {
      bar.stop();
      await protection.keys.close();
    }
  });
  return keys;
}
