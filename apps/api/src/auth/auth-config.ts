import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDevelopment, preparePrivateDirectory } from '@crm/platform';

export interface AuthConfig {
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
  /** The longest lifetime a token may have (`exp` − `iat`, and `exp` − now), in seconds. */
  readonly maxLifetimeSeconds: number;
  /** True when the secret was generated for local development; start-up then prints dev tokens. */
  readonly development: boolean;
}

const MIN_SECRET_LENGTH = 32;
/** Thirty days: the lifetime of the printed development tokens. Set JWT_MAX_LIFETIME_SECONDS to what your IdP issues. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 30 * 24 * 60 * 60;
export const AUTH_CONFIG = Symbol('AuthConfig');

/**
 * HS256 with `JWT_SECRET`. In development (NODE_ENV unset or `development`) a missing secret is generated
 * once and kept in the data directory, so the printed development tokens survive restarts; any other
 * NODE_ENV is production, which refuses to start without one.
 */
export function readAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const issuer = env.JWT_ISSUER ?? 'crm';
  const audience = env.JWT_AUDIENCE ?? 'crm-api';
  const maxLifetimeSeconds = readMaxLifetime(env.JWT_MAX_LIFETIME_SECONDS);
  const configured = env.JWT_SECRET;
  if (configured !== undefined) {
    if (configured.length < MIN_SECRET_LENGTH) {
      throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    return { secret: configured, issuer, audience, maxLifetimeSeconds, development: false };
  }
  if (!isDevelopment(env)) {
    throw new Error(
      `JWT_SECRET is not set: with NODE_ENV=${env.NODE_ENV} (anything but development is production) the API needs a configured secret`,
    );
  }
  const secret = developmentSecret(env.CRM_DATA_DIR ?? 'data');
  return { secret, issuer, audience, maxLifetimeSeconds, development: true };
}

function readMaxLifetime(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const seconds = /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(seconds)) {
    throw new Error(`JWT_MAX_LIFETIME_SECONDS must be a positive whole number of seconds, got "${raw}"`);
  }
  return seconds;
}

function developmentSecret(dataDir: string): string {
  const path = join(dataDir, 'dev-jwt-secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  preparePrivateDirectory(dataDir);
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
