import { command, event, given, registered } from '../testing/customer-fixtures';

const open = (extra: { slaHours?: number; category?: string; description?: string; channel?: string } = {}) =>
  command('OpenComplaint', {
    complaintId: 'k1',
    category: 'delivery',
    description: 'Parcel arrived two weeks late',
    channel: 'call',
    ...extra,
  });
const complained = (slaHours = 72) =>
  event('Complained', {
    complaintId: 'k1',
    category: 'delivery',
    description: 'Parcel arrived two weeks late',
    channel: 'call',
    slaHours,
  });
const resolve = (complaintId = 'k1', firstContact = true) =>
  command('ResolveComplaint', { complaintId, firstContact, resolution: 'Shipping refunded' });
const resolved = (firstContact = true) =>
  event('ComplaintResolved', { complaintId: 'k1', firstContact, resolution: 'Shipping refunded' });
const reopen = (complaintId = 'k1') =>
  command('ReopenComplaint', { complaintId, reason: 'Refund never arrived' });

describe('Customer complaints', () => {
  describe('when registered', () => {
    it('opens a complaint with the default 72-hour SLA', () => {
      given([registered()])
        .when(open())
        .then([complained(72)]);
    });

    it('opens a complaint with its own SLA', () => {
      given([registered()])
        .when(open({ slaHours: 24 }))
        .then([complained(24)]);
    });

    it.each([
      ['an SLA of zero hours', { slaHours: 0 }, 'slaHours'],
      ['a fractional SLA', { slaHours: 1.5 }, 'slaHours'],
      ['an empty description', { description: '' }, 'description'],
      ['no category', { category: ' ' }, 'category'],
      ['no channel', { channel: '' }, 'channel'],
    ])('refuses a complaint with %s', (_situation, extra, field) => {
      given([registered()]).when(open(extra)).thenThrows('invalid_input', field);
    });

    it('refuses to resolve a complaint that was never opened', () => {
      given([registered()]).when(resolve('k-unknown')).thenThrows('not_found', 'k-unknown');
    });

    it('refuses to reopen a complaint that was never opened', () => {
      given([registered()]).when(reopen('k-unknown')).thenThrows('not_found', 'k-unknown');
    });
  });

  describe('when a complaint is open', () => {
    const history = [registered(), complained()];

    it('resolves it at first contact', () => {
      given(history)
        .when(resolve())
        .then([resolved(true)]);
    });

    it('resolves it after several contacts', () => {
      given(history)
        .when(resolve('k1', false))
        .then([resolved(false)]);
    });

    it('refuses to open another complaint with the same id', () => {
      given(history).when(open()).thenThrows('already_exists', 'k1');
    });

    it('refuses to reopen a complaint that is still open', () => {
      given(history).when(reopen()).thenThrows('invalid_transition', 'still open');
    });

    it('refuses a resolution without text', () => {
      given(history)
        .when(command('ResolveComplaint', { complaintId: 'k1', firstContact: true, resolution: '' }))
        .thenThrows('invalid_input', 'resolution');
    });

    it('refuses a resolution that does not say whether it was first contact', () => {
      given(history)
        .when(
          command('ResolveComplaint', {
            complaintId: 'k1',
            firstContact: 'yes' as unknown as boolean,
            resolution: 'ok',
          }),
        )
        .thenThrows('invalid_input', 'firstContact');
    });
  });

  describe('when a complaint is resolved', () => {
    const history = [registered(), complained(), resolved()];

    it('refuses to resolve it again', () => {
      given(history).when(resolve()).thenThrows('invalid_transition', 'already resolved');
    });

    it('reopens it', () => {
      given(history)
        .when(reopen())
        .then([event('ComplaintReopened', { complaintId: 'k1', reason: 'Refund never arrived' })]);
    });

    it('refuses a reopening without a reason', () => {
      given(history)
        .when(command('ReopenComplaint', { complaintId: 'k1', reason: '' }))
        .thenThrows('invalid_input', 'reason');
    });
  });

  describe('when a complaint was reopened', () => {
    const history = [
      registered(),
      complained(),
      resolved(),
      event('ComplaintReopened', { complaintId: 'k1', reason: 'Refund never arrived' }),
    ];

    it('resolves it again', () => {
      given(history)
        .when(resolve('k1', false))
        .then([resolved(false)]);
    });

    it('refuses to reopen it again before it is resolved', () => {
      given(history).when(reopen()).thenThrows('invalid_transition');
    });
  });
});
