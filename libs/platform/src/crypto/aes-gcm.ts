import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/**
 * AES-256-GCM with a fresh random 96-bit IV per message (NIST SP 800-38D). The result is
 * base64url(iv ‖ tag ‖ ciphertext). `aad` binds the ciphertext to where it belongs, so a value moved to
 * another event, field or subject no longer opens.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  return sealBytes(key, plaintext, aad).toString('base64url');
}

/** Opens what `seal` produced under the same key and `aad`; throws when either differs or a byte changed. */
export function open(key: Buffer, sealed: string, aad: string): Buffer {
  return openBytes(key, Buffer.from(sealed, 'base64url'), aad);
}

/** `seal` without the text encoding: iv ‖ tag ‖ ciphertext as bytes, for values stored as blobs. */
export function sealBytes(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Opens what `sealBytes` produced. */
export function openBytes(key: Buffer, bytes: Buffer, aad: string): Buffer {
  assertKey(key);
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new RangeError('sealed value too short for AES-256-GCM');
  const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES)
    throw new RangeError(`AES-256 needs a ${KEY_BYTES}-byte key, got ${key.length}`);
}
