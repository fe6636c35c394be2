import {
  command,
  convertedByPurchase,
  event,
  given,
  purchased,
  registered,
  tryAmount,
} from '../testing/customer-fixtures';

/** Valid ids that name members every plain object inherits: the state's keyed lookups must not see those. */
const INHERITED_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];

describe.each(INHERITED_NAMES)('Customer ids named like Object.prototype members: %s', (id) => {
  it('records a purchase with that id', () => {
    given([registered()])
      .when(command('RecordPurchase', { purchaseId: id, amount: tryAmount(100) }))
      .then([purchased(id, tryAmount(100)), convertedByPurchase()]);
  });

  it('refuses a return of a purchase with that id that was never made, as not found', () => {
    given([registered()])
      .when(command('ReturnPurchase', { returnId: 'r-1', purchaseId: id, amount: tryAmount(1) }))
      .thenThrows('not_found');
  });

  it('opens a complaint with that id, and refuses to resolve one that was never opened', () => {
    const complaint = { complaintId: id, category: 'delivery', description: 'late', channel: 'call' };
    given([registered()])
      .when(command('OpenComplaint', complaint))
      .then([event('Complained', { ...complaint, slaHours: 72 })]);
    given([registered()])
      .when(command('ResolveComplaint', { complaintId: id, firstContact: true, resolution: 'refund' }))
      .thenThrows('not_found');
  });
});
