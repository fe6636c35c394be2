import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAuthConfig } from './auth-config';

describe('readAuthConfig', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-auth-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start in production without JWT_SECRET', () => {
    expect(() => readAuthConfig({ NODE_ENV: 'production', CRM_DATA_DIR: dataDir })).toThrow(
      /JWT_SECRET is not set/,
    );
  });

  it('refuses a secret too short to resist guessing', () => {
    expect(() => readAuthConfig({ JWT_SECRET: 'short', NODE_ENV: 'production' })).toThrow(/at least 32/);
  });

  it('uses the configured secret, issuer and audience', () => {
    const secret = 'x'.repeat(40);

    expect(
      readAuthConfig({ JWT_SECRET: secret, JWT_ISSUER: 'idp', JWT_AUDIENCE: 'crm', NODE_ENV: 'production' }),
    ).toEqual({ secret, issuer: 'idp', audience: 'crm', development: false });
  });

  it('generates a development secret once, private to the owner, and reuses it after a restart', () => {
    const first = readAuthConfig({ CRM_DATA_DIR: dataDir });
    const second = readAuthConfig({ CRM_DATA_DIR: dataDir });

    expect(first.development).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(second.secret).toBe(first.secret);
    expect(readFileSync(join(dataDir, 'dev-jwt-secret'), 'utf8')).toBe(first.secret);
    expect(statSync(join(dataDir, 'dev-jwt-secret')).mode & 0o077).toBe(0);
  });
});
