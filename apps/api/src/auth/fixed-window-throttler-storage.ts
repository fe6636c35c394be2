import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  startedAt: number;
  hits: number;
  blockedUntil: number;
}

export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const SWEEP_EVERY_MS = 60_000;

/**
 * Fixed-window counters: O(1) per request. The throttler's default storage keeps one timestamp per hit
 * and filters them all on every request, which cost a quarter of the API's CPU at a few thousand
 * requests per second from one caller (bench/http).
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private lastSweep: number;

  constructor(private readonly now: () => number = Date.now) {
    this.lastSweep = now();
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    return Promise.resolve(this.hit(key, ttl, limit, blockDuration, throttlerName));
  }

  /** `increment` without the promise, for a guard that counts synchronously (caller-throttler.guard.ts). */
  hit(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): ThrottlerStorageRecord {
    const now = this.now();
    this.sweep(now);
    const window = this.windowFor(`${throttlerName}:${key}`, now, ttl);
    if (window.blockedUntil <= now) {
      window.hits++;
      if (window.hits > limit) window.blockedUntil = now + blockDuration;
    }
    const isBlocked = window.blockedUntil > now;
    return {
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.startedAt + ttl - now) / 1_000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1_000) : 0,
    };
  }

  get size(): number {
    return this.windows.size;
  }

  private windowFor(id: string, now: number, ttl: number): Window {
    const current = this.windows.get(id);
    if (current !== undefined && now < current.startedAt + ttl) return current;
    const fresh = { startedAt: now, hits: 0, blockedUntil: current?.blockedUntil ?? 0 };
    this.windows.set(id, fresh);
    return fresh;
  }

  /** Forgets callers that have been quiet for a while, so the map does not grow with every caller ever seen. */
  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [id, window] of this.windows) {
      if (now - window.startedAt >= SWEEP_EVERY_MS && window.blockedUntil <= now) this.windows.delete(id);
    }
  }
}
