import { renderCommand, TemplateUnresolvedError } from './command-template';
import { decideRule, ruleCommandId, rulesTriggeredBy } from './matching-rules';
import type { AutomationRule, RuleFacts } from './rule';

const goldComplaint: AutomationRule = {
  id: 'gold-complaint-priority',
  description: 'gold complaints first',
  trigger: 'Complained',
  when: { path: 'customer.tier', in: ['gold', 'platinum'] },
  then: {
    type: 'PrioritizeComplaint',
    data: { complaintId: { path: 'event.data.complaintId' }, priority: 'high', reason: 'gold' },
  },
};
const winBack: AutomationRule = {
  id: 'win-back',
  description: 'win back on downgrade',
  trigger: 'TierChanged',
  when: { path: 'event.data.reason', eq: 'downgrade' },
  then: { type: 'RecordCampaignSent', data: { campaignId: 'win-back', channel: 'email' } },
};
const complaintBy = (tier: string): RuleFacts => ({
  event: { type: 'Complained', data: { complaintId: 'k-7', category: 'delivery' } },
  customer: { customerId: 'c-1', tier },
});

describe('command templates', () => {
  it('copies paths from the trigger and literals as written, for the trigger customer', () => {
    expect(renderCommand(goldComplaint.then, complaintBy('gold'), 'c-1')).toEqual({
      type: 'PrioritizeComplaint',
      customerId: 'c-1',
      data: { complaintId: 'k-7', priority: 'high', reason: 'gold' },
    });
  });

  it('reads the customer 360 too', () => {
    const template = { type: 'AdvanceStage' as const, data: { to: { path: 'customer.tier' } } };
    expect(renderCommand(template, complaintBy('silver'), 'c-1').data).toEqual({ to: 'silver' });
  });

  it('refuses a path that holds nothing or an object', () => {
    const missing = { type: 'AdvanceStage' as const, data: { to: { path: 'event.data.nothing' } } };
    expect(() => renderCommand(missing, complaintBy('gold'), 'c-1')).toThrow(TemplateUnresolvedError);
    const object = { type: 'AdvanceStage' as const, data: { to: { path: 'event.data' } } };
    expect(() => renderCommand(object, complaintBy('gold'), 'c-1')).toThrow('template field to');
  });
});

describe('deciding a rule', () => {
  it('issues the command when the condition holds', () => {
    expect(decideRule(goldComplaint, complaintBy('platinum'), 'c-1')?.type).toBe('PrioritizeComplaint');
  });

  it('issues nothing when it does not', () => {
    expect(decideRule(goldComplaint, complaintBy('bronze'), 'c-1')).toBeNull();
  });

  it('issues nothing for an event of another type, whatever the condition', () => {
    const upgrade: RuleFacts = {
      event: { type: 'Complained', data: { reason: 'downgrade' } },
      customer: null,
    };
    expect(decideRule(winBack, upgrade, 'c-1')).toBeNull();
  });

  it('finds the rules an event type triggers, in file order', () => {
    expect(rulesTriggeredBy([goldComplaint, winBack], 'TierChanged')).toEqual([winBack]);
    expect(rulesTriggeredBy([goldComplaint, winBack], 'Purchased')).toEqual([]);
  });

  it('names the command after the rule and the trigger event, within the 128-character id limit', () => {
    const id = ruleCommandId('a'.repeat(63), '0b7e5d4c-3f1a-4c2b-9d8e-7f6a5b4c3d2e');
    expect(id).toBe(`rule-${'a'.repeat(63)}-0b7e5d4c-3f1a-4c2b-9d8e-7f6a5b4c3d2e`);
    // 5 ("rule-") + 63 + 1 + 36 (uuid) = 105
    expect(id).toHaveLength(105);
  });
});
