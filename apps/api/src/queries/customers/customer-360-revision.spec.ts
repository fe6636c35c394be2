import { emptyCustomer360 } from '@crm/projections/customer-360';
import { customer360Revision } from './customer-360-revision';

const stored = (document: object): Buffer => Buffer.from(JSON.stringify(document));

describe('customer360Revision, the ETag of the customer 360', () => {
  it('reads lastRevision from the head of a stored 360, even under the longest customer id', () => {
    const longest = 'c'.repeat(64);

    expect(customer360Revision(stored({ ...emptyCustomer360(longest), lastRevision: 16 }))).toBe(16);
    expect(customer360Revision(stored(emptyCustomer360('c-1')))).toBe(-1);
  });

  it('still finds it, by parsing, in a document that puts it last', () => {
    const { lastRevision: _omitted, ...rest } = { ...emptyCustomer360('c-1'), lastRevision: 0 };

    expect(customer360Revision(stored({ ...rest, lastRevision: 42 }))).toBe(42);
  });
});
