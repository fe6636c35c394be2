import type { Principal } from './principal';

interface Verified {
  readonly principal: Principal;
  /** The token's `exp` in seconds since the epoch; undefined when it has none. */
  readonly expiresAt: number | undefined;
}

/**
 * Principals of tokens that passed verification, by token text, until their `exp`. A token is immutable and
 * the key, issuer and audience are fixed for the process, so verifying it again gives the same answer until it
 * expires; only success is remembered, never a failure. Bounded: the least recently used entry goes first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Verified>();

  constructor(
    private readonly capacity: number,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1_000),
  ) {}

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    // The same rule as jsonwebtoken: expired once the clock reaches exp.
    if (entry.expiresAt !== undefined && this.nowSeconds() >= entry.expiresAt) {
      this.entries.delete(token);
      return undefined;
    }
    this.entries.delete(token);
    this.entries.set(token, entry);
    return entry.principal;
  }

  remember(token: string, principal: Principal, expiresAt: number | undefined): void {
    this.entries.delete(token);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { principal, expiresAt });
  }

  get size(): number {
    return this.entries.size;
  }
}
