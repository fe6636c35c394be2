import { randomBytes } from 'node:crypto';
import { sign } from 'jsonwebtoken';

const ISSUER = 'crm';
const AUDIENCE = 'crm-api';

/** A fresh HS256 secret for the server under test; the API wants at least 32 characters. */
export function randomSecret(): string {
  return randomBytes(36).toString('base64url');
}

/** A bearer token the API accepts for a `service` caller, as apps/api/src/auth/token-issuer.ts signs them. */
export function serviceToken(secret: string): string {
  return sign({ sub: 'bench', roles: ['service'], azp: 'bench' }, secret, {
    algorithm: 'HS256',
    expiresIn: '1h',
    issuer: ISSUER,
    audience: AUDIENCE,
  });
}
