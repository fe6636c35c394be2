import { JwtService } from '@nestjs/jwt';
import type { AuthConfig } from './auth-config';
import { TokenIssuer } from './token-issuer';

const config: AuthConfig = {
  secret: 's'.repeat(32),
  issuer: 'crm',
  audience: 'crm-api',
  maxLifetimeSeconds: 30 * 24 * 3600,
  development: true,
};
const issuerWith = (overrides: Partial<AuthConfig> = {}) => {
  const merged = { ...config, ...overrides };
  return new TokenIssuer(new JwtService({ secret: merged.secret }), merged);
};

describe('TokenIssuer', () => {
  const tokens = issuerWith();

  it('round-trips a principal', async () => {
    const principal = { subject: 'svc-orders', roles: ['service' as const], service: 'orders' };

    expect(await tokens.verify(tokens.sign(principal))).toEqual(principal);
  });

  it('rejects a token signed with another secret, for another audience or issuer, or expired', async () => {
    const principal = { subject: 'a', roles: ['analyst' as const], service: 'a' };

    await expect(tokens.verify(issuerWith({ secret: 'o'.repeat(32) }).sign(principal))).rejects.toThrow(
      /^invalid token$/,
    );
    await expect(tokens.verify(issuerWith({ audience: 'other' }).sign(principal))).rejects.toThrow(
      /^invalid token$/,
    );
    await expect(tokens.verify(issuerWith({ issuer: 'other' }).sign(principal))).rejects.toThrow(
      /^invalid token$/,
    );
    await expect(tokens.verify(tokens.sign(principal, '-1s'))).rejects.toThrow(/expired/);
  });

  it('still rejects a token verified before, once it has expired', async () => {
    const principal = { subject: 'svc-orders', roles: ['service' as const], service: 'orders' };
    const token = tokens.sign(principal, '60s');
    expect(await tokens.verify(token)).toEqual(principal);

    jest.useFakeTimers({ now: Date.now() + 61_000, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      await expect(tokens.verify(token)).rejects.toThrow(/expired/);
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not let a forged token through after a genuine one with the same claims passed', async () => {
    const principal = { subject: 'a', roles: ['admin' as const], service: 'a' };
    const genuine = tokens.sign(principal);
    await tokens.verify(genuine);
    const forged = `${genuine.slice(0, genuine.lastIndexOf('.'))}.${'A'.repeat(43)}`;

    await expect(tokens.verify(forged)).rejects.toThrow(/^invalid token$/);
    await expect(tokens.verify(forged)).rejects.toThrow(/^invalid token$/);
  });

  describe('claims', () => {
    const jwt = new JwtService({ secret: config.secret });
    const signed = (claims: Record<string, unknown>, options: Record<string, unknown> = { expiresIn: 60 }) =>
      jwt.sign(
        { sub: 'svc-a', roles: ['service'], ...claims },
        { issuer: 'crm', audience: 'crm-api', ...options },
      );

    it('requires exp', async () => {
      await expect(tokens.verify(signed({}, {}))).rejects.toThrow(/no exp/);
    });

    it('refuses a lifetime longer than the configured cap, by exp − iat and by exp − now', async () => {
      const capped = issuerWith({ maxLifetimeSeconds: 3600 });

      await expect(capped.verify(signed({}, { expiresIn: 3601 }))).rejects.toThrow(/lives longer/);
      const now = Math.floor(Date.now() / 1000);
      await expect(capped.verify(signed({ iat: now + 7200, exp: now + 7300 }, {}))).rejects.toThrow(
        /lives longer/,
      );
      await expect(capped.verify(signed({}, { expiresIn: 3600 }))).resolves.toMatchObject({
        subject: 'svc-a',
      });
    });

    it.each([
      ['an object', { azp: { name: 'orders' } }],
      ['a number', { azp: 7 }],
      ['a newline', { azp: 'orders\nadmin' }],
    ])('refuses an azp that is %s', async (_, claims) => {
      await expect(tokens.verify(signed(claims))).rejects.toThrow(/azp/);
    });

    it.each([
      ['NUL', 'svc\u0000a'],
      ['a newline', 'svc\na'],
      ['6,000 characters', 'a'.repeat(6_000)],
      ['empty', ''],
      ['a bidi override', 'svc\u202Ea'],
    ])('refuses a subject holding %s', async (_, sub) => {
      await expect(tokens.verify(signed({ sub }))).rejects.toThrow(/subject/);
    });

    it('takes subjects as identity providers write them', async () => {
      for (const sub of ['auth0|5f7c8ec7c33c6c004bbafe82', 'ayşe.yılmaz@example.com.tr', 'svc-orders'])
        await expect(tokens.verify(signed({ sub }))).resolves.toMatchObject({ subject: sub });
    });
  });

  it('rejects unknown roles and unsigned tokens', async () => {
    const jwt = new JwtService({ secret: config.secret });
    const claims = { issuer: 'crm', audience: 'crm-api', expiresIn: 60 };

    await expect(tokens.verify(jwt.sign({ sub: 'x', roles: ['root'] }, claims))).rejects.toThrow(/roles/);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","roles":["admin"]}').toString('base64url')}.`;
    await expect(tokens.verify(unsigned)).rejects.toThrow();
  });

  it('issues one development token per role', async () => {
    const issued = tokens.developmentTokens();

    expect(Object.keys(issued).sort()).toEqual(['admin', 'analyst', 'auditor', 'service']);
    expect((await tokens.verify(issued.auditor)).roles).toEqual(['auditor']);
  });
});
