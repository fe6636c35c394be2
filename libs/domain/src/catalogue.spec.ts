// The catalogue check reads the doc from disk; only this spec does I/O, the domain itself never does.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { customerDecider } from './customer/customer.decide';
import { LIFECYCLE_STAGES } from './customer/customer-vocabulary';
import { CURRENT_SCHEMA_VERSIONS } from './schema-versions';
import type { Recorded } from './shared/decider';
import { command, event, NOW, registered, tryAmount } from './testing/customer-fixtures';

const catalogue = readFileSync(join(__dirname, '../../../docs/events.md'), 'utf8');

const sections = new Map(
  catalogue
    .split(/^## /m)
    .slice(1)
    .map((section) => [section.split('\n')[0].trim(), section] as const),
);
const documented = new Map(
  [...sections].map(([type, section]) => {
    const version = /Schema version: (\d+)/.exec(section)?.[1];
    return [type, version === undefined ? undefined : Number(version)] as const;
  }),
);

/** The stages a customer leaves by a purchase, as the decider has it: a purchase in each stage in turn. */
const stagesLeftByPurchase = (): string[] =>
  LIFECYCLE_STAGES.filter((stage) => {
    const history = [
      registered(),
      ...(stage === 'lead' ? [] : [event('StageAdvanced', { from: 'lead', to: stage, trigger: 'command' })]),
    ];
    const state = history.reduce(
      (current, past) =>
        customerDecider.evolve(current, { ...past, occurredAt: NOW } as Recorded<typeof past>),
      customerDecider.initialState(),
    );
    const decided = customerDecider.decide(
      command('RecordPurchase', { purchaseId: 'p1', amount: tryAmount(25_000) }),
      state,
      { now: NOW },
    );
    return decided.some((emitted) => emitted.type === 'StageAdvanced');
  });

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

  it('names every stage a purchase advances from among the sources of StageAdvanced', () => {
    const emittedBy = /Emitted by: (.*)/.exec(sections.get('StageAdvanced') ?? '')?.[1] ?? '';
    const byPurchase = /`RecordPurchase` \(([^)]*)\)/.exec(emittedBy)?.[1] ?? '';

    expect(stagesLeftByPurchase()).toEqual(['lead', 'prospect', 'churned']);
    expect([...byPurchase.matchAll(/`(\w+)`/g)].map((match) => match[1])).toEqual(stagesLeftByPurchase());
  });
});
