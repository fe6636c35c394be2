import { emptyCustomer360 } from './customer-360.document';
import { complained, day, event, project, purchased, registered } from './customer-360.fixtures';
import { withChanges } from './document-copy';

describe('copying a customer-360 document field by field', () => {
  const full = project([
    registered(day(0)),
    purchased('p1', 10_000, day(1)),
    complained('k1', day(2)),
    event('CampaignSent', { campaignId: 'c1', channel: 'sms' }, day(3)),
    event('NpsAnswered', { surveyId: 'n1', score: 9 }, day(4)),
  ]);

  it('gives the JSON a spread gives, fields in the same order', () => {
    for (const doc of [emptyCustomer360('c-1'), full]) {
      expect(JSON.stringify(withChanges(doc, {}))).toBe(JSON.stringify({ ...doc }));
      expect(JSON.stringify(withChanges(doc, { tier: 'gold', nps: null }))).toBe(
        JSON.stringify({ ...doc, tier: 'gold', nps: null }),
      );
    }
  });

  it('returns a new document and leaves the one given as it was', () => {
    const before = JSON.stringify(full);
    const changed = withChanges(full, { tier: 'platinum' });
    expect(changed).not.toBe(full);
    expect(changed.tier).toBe('platinum');
    expect(JSON.stringify(full)).toBe(before);
  });
});
