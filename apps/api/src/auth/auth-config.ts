import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AuthConfig {
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
  /** True when the secret was generated for local development; start-up then prints dev tokens. */
  readonly development: boolean;
}

const MIN_SECRET_LENGTH = 32;
export const AUTH_CONFIG = Symbol('AuthConfig');

/**
 * HS256 with `JWT_SECRET`. Outside production a missing secret is generated once and kept in the data
 * directory, so the printed development tokens survive restarts; production refuses to start without one.
 */
export function readAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const issuer = env.JWT_ISSUER ?? 'crm';
  const audience = env.JWT_AUDIENCE ?? 'crm-api';
  const configured = env.JWT_SECRET;
  if (configured !== undefined) {
    if (configured.length < MIN_SECRET_LENGTH) {
      throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    return { secret: configured, issuer, audience, development: false };
  }
  if (env.NODE_ENV === 'production') {
    throw new Error('JWT_SECRET is not set: with NODE_ENV=production the API needs a configured secret');
  }
  return { secret: developmentSecret(env.CRM_DATA_DIR ?? 'data'), issuer, audience, development: true };
}

function developmentSecret(dataDir: string): string {
  const path = join(dataDir, 'dev-jwt-secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
