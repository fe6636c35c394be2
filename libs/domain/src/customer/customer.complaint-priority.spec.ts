import { command, event, given, registered, unchecked } from '../testing/customer-fixtures';
import type { ComplaintPriority } from './customer-vocabulary';

const complained = event('Complained', {
  complaintId: 'k1',
  category: 'delivery',
  description: 'Parcel arrived two weeks late',
  channel: 'call',
  slaHours: 72,
});
const resolved = event('ComplaintResolved', {
  complaintId: 'k1',
  firstContact: true,
  resolution: 'Refunded',
});
const reopened = event('ComplaintReopened', { complaintId: 'k1', reason: 'Refund never arrived' });

const prioritize = (priority: ComplaintPriority, complaintId = 'k1') =>
  command('PrioritizeComplaint', { complaintId, priority, reason: 'gold customer' });
const prioritized = (priority: ComplaintPriority, previousPriority: ComplaintPriority) =>
  event('ComplaintPrioritized', { complaintId: 'k1', priority, previousPriority, reason: 'gold customer' });

describe('Complaint priority', () => {
  describe('when a complaint is open at its opening priority', () => {
    const history = [registered(), complained];

    it('raises it from normal', () => {
      given(history)
        .when(prioritize('high'))
        .then([prioritized('high', 'normal')]);
    });

    it('appends nothing when asked for normal, the priority every complaint opens at', () => {
      given(history).when(prioritize('normal')).thenNothing();
    });

    it('refuses a priority outside normal, high and urgent', () => {
      given(history)
        .when(prioritize(unchecked<ComplaintPriority>('critical')))
        .thenThrows('invalid_input', 'priority');
    });

    it('refuses a change without a reason', () => {
      given(history)
        .when(command('PrioritizeComplaint', { complaintId: 'k1', priority: 'high', reason: ' ' }))
        .thenThrows('invalid_input', 'reason');
    });
  });

  describe('when the complaint was already raised', () => {
    const history = [registered(), complained, prioritized('high', 'normal')];

    it('appends nothing for the same priority again', () => {
      given(history).when(prioritize('high')).thenNothing();
    });

    it('raises it further and records the priority it had', () => {
      given(history)
        .when(prioritize('urgent'))
        .then([prioritized('urgent', 'high')]);
    });

    it('lowers it back to normal', () => {
      given(history)
        .when(prioritize('normal'))
        .then([prioritized('normal', 'high')]);
    });
  });

  it('refuses a complaint that was never opened', () => {
    given([registered()]).when(prioritize('high', 'k-unknown')).thenThrows('not_found', 'k-unknown');
  });

  it('refuses a resolved complaint', () => {
    given([registered(), complained, resolved])
      .when(prioritize('high'))
      .thenThrows('invalid_transition', 'resolved');
  });

  it('keeps the priority through a resolution and reopening', () => {
    given([registered(), complained, prioritized('high', 'normal'), resolved, reopened])
      .when(prioritize('high'))
      .thenNothing();
  });
});
