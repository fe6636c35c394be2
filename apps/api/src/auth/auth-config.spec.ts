import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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
    ).toEqual({
      secret,
      issuer: 'idp',
      audience: 'crm',
      maxLifetimeSeconds: 30 * 86_400,
      development: false,
    });
  });

  it.each(['Production', 'prod', 'staging', 'test', ' development'])(
    'treats NODE_ENV=%p as production: no secret is generated, and none is printed',
    (nodeEnv) => {
      expect(() => readAuthConfig({ NODE_ENV: nodeEnv, CRM_DATA_DIR: dataDir })).toThrow(
        /JWT_SECRET is not set/,
      );
      expect(readdirSync(dataDir)).toEqual([]);
    },
  );

  it.each([undefined, '', 'development'])('generates a development secret with NODE_ENV=%p', (nodeEnv) => {
    expect(readAuthConfig({ NODE_ENV: nodeEnv, CRM_DATA_DIR: dataDir }).development).toBe(true);
  });

  it('caps token lifetime by JWT_MAX_LIFETIME_SECONDS, and refuses a value that is not a positive number', () => {
    const secret = 'x'.repeat(40);

    expect(readAuthConfig({ JWT_SECRET: secret, JWT_MAX_LIFETIME_SECONDS: '3600' }).maxLifetimeSeconds).toBe(
      3600,
    );
    for (const wrong of ['0', '-1', '1h', '0x10', ''])
      expect(() => readAuthConfig({ JWT_SECRET: secret, JWT_MAX_LIFETIME_SECONDS: wrong })).toThrow(
        /JWT_MAX_LIFETIME_SECONDS/,
      );
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
