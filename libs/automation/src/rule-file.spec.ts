import shipped from '../../../config/automation-rules.json';
import { parseRuleFile, RuleFileError } from './rule-file';

const rule = (overrides: Record<string, unknown> = {}) => ({
  id: 'gold-complaint-priority',
  description: 'gold complaints first',
  trigger: 'Complained',
  when: { all: [{ path: 'customer.tier', in: ['gold', 'platinum'] }] },
  then: {
    type: 'PrioritizeComplaint',
    data: { complaintId: { path: 'event.data.complaintId' }, priority: 'high', reason: 'gold' },
  },
  ...overrides,
});

const problemsOf = (json: unknown): readonly string[] => {
  try {
    parseRuleFile(json);
  } catch (error) {
    if (error instanceof RuleFileError) return error.problems;
    throw error;
  }
  return [];
};

describe('the rule file', () => {
  it('accepts the shipped rules', () => {
    expect(parseRuleFile(shipped).map((r) => [r.id, r.trigger, r.then.type])).toEqual([
      ['gold-complaint-priority', 'Complained', 'PrioritizeComplaint'],
      ['tier-downgrade-win-back', 'TierChanged', 'RecordCampaignSent'],
    ]);
  });

  it.each<[string, unknown, string]>([
    ['a file that is a list', [rule()], 'the file must be an object'],
    [
      'an unknown operator',
      { rules: [rule({ when: { path: 'customer.tier', regex: 'g.*' } })] },
      'rules[0].when: unknown operator "regex"; the operators are eq, in, gte, lte, exists',
    ],
    [
      'a nested unknown operator',
      { rules: [rule({ when: { any: [{ not: { path: 'customer.tier', ne: 'x' } }] } })] },
      'rules[0].when.any[0].not: unknown operator "ne"',
    ],
    [
      'two operators in one test',
      { rules: [rule({ when: { path: 'customer.tier', eq: 'gold', in: ['gold'] } })] },
      'exactly one operator',
    ],
    [
      'a path outside event and customer',
      { rules: [rule({ when: { path: 'process.env.SECRET', exists: true } })] },
      'must be event.type, event.data.<field> or customer.<field>',
    ],
    [
      'a path into the prototype',
      { rules: [rule({ when: { path: 'customer.__proto__.x', exists: true } })] },
      'invalid segment "__proto__"',
    ],
    [
      'an operand of the wrong type',
      { rules: [rule({ when: { path: 'customer.tier', in: 'gold' } })] },
      'in takes a list',
    ],
    ['an unknown group', { rules: [rule({ when: { every: [] } })] }, 'expected one of all, any, not'],
    [
      'a command automation may not issue',
      { rules: [rule({ then: { type: 'EraseCustomer', data: {} } })] },
      'then.type must be one of PrioritizeComplaint, RecordCampaignSent, AdvanceStage',
    ],
    [
      'a template value that is code',
      { rules: [rule({ then: { type: 'AdvanceStage', data: { to: { fn: 'x' } } } })] },
      'rules[0].then.data.to: must be a literal',
    ],
    [
      'a template path outside the facts',
      { rules: [rule({ then: { type: 'AdvanceStage', data: { to: { path: 'event.id' } } } })] },
      'then.data.to: path "event.id" must be',
    ],
    [
      'an unknown trigger',
      { rules: [rule({ trigger: 'OpportunityWon' })] },
      'trigger must be a customer event type',
    ],
    [
      'an unknown field',
      { rules: [rule({ script: 'return true' })] },
      'rules[0].script: property script should not exist',
    ],
    ['a bad id', { rules: [rule({ id: 'Gold Rule' })] }, 'rules[0].id: id must be 1-63'],
    ['the same id twice', { rules: [rule(), rule()] }, 'id gold-complaint-priority is used twice'],
  ])('refuses %s with a message that says where', (_case, json, message) => {
    expect(problemsOf(json).join('\n')).toContain(message);
  });
});
