import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AUTH_CONFIG, type AuthConfig } from './auth-config';
import type { Principal } from './principal';
import { isRole, ROLES, type Role } from './role';
import { VerifiedTokenCache } from './verified-token-cache';

interface TokenClaims {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly azp?: string;
}

/**
 * What a token's `sub` and `azp` may be, recorded as the actor and the source of every event: letters,
 * digits and `. _ : @ | + -`, at most 128 characters (an e-mail, a UUID, `auth0|abc`, a service name).
 */
export const PRINCIPAL_NAME = /^[\p{L}\p{N}._:@|+-]{1,128}$/u;

/** Why a token is refused, as the 401 says it: never the expected issuer, audience or key. */
export class InvalidTokenError extends Error {}

// Callers are services and people: a few thousand live tokens at most; each entry is well under 1 KiB.
const VERIFIED_TOKENS_CACHED = 10_000;

/** Signs and verifies the API's bearer tokens: HS256, with issuer and audience checked. */
@Injectable()
export class TokenIssuer {
  private readonly verified = new VerifiedTokenCache(VERIFIED_TOKENS_CACHED);

  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** A token for `principal`, living `expiresIn` (seconds, or '60s', '2h', '30d'), the longest accepted by default. */
  sign(
    principal: Principal,
    expiresIn: number | `${number}${'s' | 'm' | 'h' | 'd'}` = this.config.maxLifetimeSeconds,
  ): string {
    const claims: TokenClaims = { sub: principal.subject, roles: principal.roles, azp: principal.service };
    return this.jwt.sign(claims, {
      algorithm: 'HS256',
      expiresIn,
      issuer: this.config.issuer,
      audience: this.config.audience,
    });
  }

  /**
   * Throws an InvalidTokenError on a bad signature, a wrong issuer or audience, a token without `exp`, one
   * expired or living longer than `JWT_MAX_LIFETIME_SECONDS`, or malformed claims. A token that passed is not
   * verified again until it expires (a read's HMAC and claim checks were ~7 % of its CPU).
   */
  async verify(token: string): Promise<Principal> {
    return this.verified.get(token) ?? this.verifyAndRemember(token);
  }

  private async verifyAndRemember(token: string): Promise<Principal> {
    let claims: Partial<Record<'sub' | 'roles' | 'azp' | 'exp' | 'iat', unknown>>;
    try {
      claims = await this.jwt.verifyAsync(token, {
        algorithms: ['HS256'],
        issuer: this.config.issuer,
        audience: this.config.audience,
      });
    } catch (error) {
      // jsonwebtoken's messages name the expected issuer and audience: the caller learns only which kind.
      const name = (error as Error).name;
      throw new InvalidTokenError(name === 'TokenExpiredError' ? 'the token has expired' : 'invalid token');
    }
    const { sub, roles, azp, exp, iat } = claims;
    if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new InvalidTokenError('the token has no exp');
    const now = Math.floor(Date.now() / 1_000);
    const issuedAt = typeof iat === 'number' && Number.isFinite(iat) ? Math.min(iat, now) : now;
    if (exp - issuedAt > this.config.maxLifetimeSeconds || exp - now > this.config.maxLifetimeSeconds) {
      throw new InvalidTokenError('the token lives longer than this API accepts');
    }
    if (typeof sub !== 'string' || !PRINCIPAL_NAME.test(sub)) {
      throw new InvalidTokenError('the token subject must be 1-128 letters, digits or . _ : @ | + -');
    }
    if (azp !== undefined && (typeof azp !== 'string' || !PRINCIPAL_NAME.test(azp))) {
      throw new InvalidTokenError('the token azp must be 1-128 letters, digits or . _ : @ | + -');
    }
    if (!Array.isArray(roles) || !roles.every(isRole)) throw new InvalidTokenError('token has invalid roles');
    const principal: Principal = Object.freeze({
      subject: sub,
      roles: Object.freeze([...roles]) as readonly Role[],
      service: azp ?? sub,
    });
    this.verified.remember(token, principal, exp);
    return principal;
  }

  /** One long-lived token per role, for trying the API locally. */
  developmentTokens(): Record<Role, string> {
    return Object.fromEntries(
      ROLES.map((role) => [
        role,
        this.sign({ subject: `dev-${role}`, roles: [role], service: 'dev-console' }),
      ]),
    ) as Record<Role, string>;
  }
}
