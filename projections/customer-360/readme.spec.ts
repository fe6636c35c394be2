// The check reads the README from disk; only this spec does I/O, the projection itself never does.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CUSTOMER_360_NAME, CUSTOMER_360_VERSION } from './definition';

describe('projections/customer-360/README.md', () => {
  it('states the version the definition runs, so a reader knows when a rebuild is due', () => {
    const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
    const stated = new RegExp(`name \`${CUSTOMER_360_NAME}\`, version (\\d+)`).exec(readme)?.[1];

    expect(Number(stated)).toBe(CUSTOMER_360_VERSION);
  });
});
