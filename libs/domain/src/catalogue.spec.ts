// The catalogue check reads the doc from disk; only this spec does I/O, the domain itself never does.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_SCHEMA_VERSIONS } from './schema-versions';

const catalogue = readFileSync(join(__dirname, '../../../docs/events.md'), 'utf8');

const documented = new Map(
  catalogue
    .split(/^## /m)
    .slice(1)
    .map((section) => {
      const [heading = ''] = section.split('\n');
      const version = /Schema version: (\d+)/.exec(section)?.[1];
      return [heading.trim(), version === undefined ? undefined : Number(version)] as const;
    }),
);

describe('docs/events.md, the event catalogue', () => {
  it.each(Object.keys(CURRENT_SCHEMA_VERSIONS))('documents %s', (type) => {
    expect(documented.has(type)).toBe(true);
  });

  it.each(Object.entries(CURRENT_SCHEMA_VERSIONS))(
    'gives %s its current schema version %i',
    (type, version) => {
      expect(documented.get(type)).toBe(version);
    },
  );

  it('documents no event type the code does not know', () => {
    const unknown = [...documented.keys()].filter((type) => !(type in CURRENT_SCHEMA_VERSIONS));
    expect(unknown).toEqual([]);
  });
});
