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

  sign(principal: Principal, expiresIn: number | `${number}${'s' | 'm' | 'h' | 'd'}` = '30d'): string {
    const claims: TokenClaims = { sub: principal.subject, roles: principal.roles, azp: principal.service };
    return this.jwt.sign(claims, {
      algorithm: 'HS256',
      expiresIn,
      issuer: this.config.issuer,
      audience: this.config.audience,
    });
  }

  /**
   * Throws on a bad signature, a wrong issuer or audience, an expired token, or malformed claims. A token that
   * passed is not verified again until it expires (a read's HMAC and claim checks were ~7 % of its CPU).
   */
  async verify(token: string): Promise<Principal> {
    return this.verified.get(token) ?? this.verifyAndRemember(token);
  }

  private async verifyAndRemember(token: string): Promise<Principal> {
    const claims = await this.jwt.verifyAsync<Partial<TokenClaims> & { exp?: unknown }>(token, {
      algorithms: ['HS256'],
      issuer: this.config.issuer,
      audience: this.config.audience,
    });
    if (typeof claims.sub !== 'string' || claims.sub.length === 0) throw new Error('token has no subject');
    if (!Array.isArray(claims.roles) || !claims.roles.every(isRole))
      throw new Error('token has invalid roles');
    const principal: Principal = Object.freeze({
      subject: claims.sub,
      roles: Object.freeze([...claims.roles]) as readonly Role[],
      service: claims.azp ?? claims.sub,
    });
    this.verified.remember(token, principal, typeof claims.exp === 'number' ? claims.exp : undefined);
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
