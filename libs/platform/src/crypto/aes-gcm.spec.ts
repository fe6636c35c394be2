import { randomBytes } from 'node:crypto';
import { open, seal } from './aes-gcm';

const key = randomBytes(32);
const plaintext = Buffer.from('Ayşe Yılmaz', 'utf8');

describe('AES-256-GCM sealing', () => {
  it('opens what it sealed under the same key and context', () => {
    expect(open(key, seal(key, plaintext, 'event-1:name'), 'event-1:name').toString('utf8')).toBe(
      'Ayşe Yılmaz',
    );
  });

  it('never seals the same value to the same bytes twice: a fresh IV each time', () => {
    expect(seal(key, plaintext, 'ctx')).not.toBe(seal(key, plaintext, 'ctx'));
  });

  it('keeps the plaintext out of the sealed text', () => {
    expect(Buffer.from(seal(key, plaintext, 'ctx'), 'base64url').includes(plaintext)).toBe(false);
  });

  it('refuses a value moved to another context, e.g. another event or field', () => {
    expect(() => open(key, seal(key, plaintext, 'event-1:name'), 'event-2:name')).toThrow();
  });

  it('refuses another key and a changed byte', () => {
    const sealed = seal(key, plaintext, 'ctx');
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1] ^= 1;

    expect(() => open(randomBytes(32), sealed, 'ctx')).toThrow();
    expect(() => open(key, bytes.toString('base64url'), 'ctx')).toThrow();
  });

  it('refuses keys that are not 256 bits', () => {
    expect(() => seal(randomBytes(16), plaintext, 'ctx')).toThrow(RangeError);
  });
});
