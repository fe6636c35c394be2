import { createHash } from 'node:crypto';
import { requestHash } from './request-hash';

const KEY = Buffer.alloc(32, 7);
const register = { customerId: 'c-1', name: 'Zümrüt Aydın', email: 'zumrut@example.com' };

describe('requestHash', () => {
  it('is the same for the same request whatever the order of its fields', () => {
    const reordered = { email: register.email, customerId: register.customerId, name: register.name };

    expect(requestHash({ command: reordered, caller: 'svc' }, KEY)).toBe(
      requestHash({ caller: 'svc', command: register }, KEY),
    );
  });

  it('stays the value already stored in event metadata, so a retry after an upgrade is still recognised', () => {
    const request = {
      caller: 'svc',
      command: {
        type: 'RecordPurchase',
        customerId: 'c-1',
        purchaseId: 'p-1',
        amount: { currency: 'TRY', amount: 12500 },
        items: [
          { sku: 'a', qty: 2 },
          { sku: 'b', note: undefined },
        ],
        note: undefined,
        Ünvan: 'ı',
        'a"b': null,
        Z: true,
      },
    };

    expect(requestHash(request, KEY)).toBe('SbYn8Jh_rS8YkqB9UbcD7FNBkbUvKF5CJX8D883YQK0');
  });

  it('differs when a field or the caller differs', () => {
    const hash = requestHash({ command: register, caller: 'svc' }, KEY);

    expect(requestHash({ command: { ...register, name: 'Zümrüt Aydin' }, caller: 'svc' }, KEY)).not.toBe(
      hash,
    );
    expect(requestHash({ command: register, caller: 'other' }, KEY)).not.toBe(hash);
  });

  it('cannot confirm a guess of the personal fields without the key', () => {
    const request = { command: register, caller: 'svc' };
    const canonical =
      '{"caller":"svc","command":{"customerId":"c-1","email":"zumrut@example.com","name":"Zümrüt Aydın"}}';
    const guessed = createHash('sha256').update(canonical).digest('base64url');

    expect(requestHash(request, KEY)).not.toBe(guessed);
    expect(requestHash(request, Buffer.alloc(32, 8))).not.toBe(requestHash(request, KEY));
  });
});
