import type { FastifyInstance } from 'fastify';
import { errorResponse } from '../http/error-response';
import { HttpException } from '@nestjs/common';

const WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  failures: number;
  blockedUntil: number;
}

/**
 * Failed authentications per client address: past `limit` in a minute, the address is refused for a minute
 * (429) before its token is even looked at, so tokens cannot be guessed at request speed. Successful
 * requests are limited per token subject by the throttler guard (rate-limit.ts).
 */
export class FailedAuthentications {
  private readonly windows = new Map<string, Window>();
  private lastSweep: number;

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Seconds until `address` may try again; 0 when it may now. */
  retryAfter(address: string): number {
    const window = this.windows.get(address);
    const now = this.now();
    return window === undefined || window.blockedUntil <= now
      ? 0
      : Math.ceil((window.blockedUntil - now) / 1_000);
  }

  recordFailure(address: string): void {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(address);
    if (window === undefined || now >= window.startedAt + WINDOW_MS) {
      window = { startedAt: now, failures: 0, blockedUntil: window?.blockedUntil ?? 0 };
      this.windows.set(address, window);
    }
    window.failures++;
    if (window.failures > this.limit) window.blockedUntil = now + WINDOW_MS;
  }

  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [address, window] of this.windows) {
      if (now - window.startedAt >= WINDOW_MS && window.blockedUntil <= now) this.windows.delete(address);
    }
  }
}

/** Refuses a blocked address at the start of every request, and counts each 401 against its address. */
export function throttleFailedAuthentications(
  fastify: FastifyInstance,
  limiter: FailedAuthentications,
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const wait = limiter.retryAfter(request.ip);
    if (wait === 0) {
      done();
      return;
    }
    const { body } = errorResponse(
      new HttpException('too many failed authentications from this address; retry later', 429),
    );
    void reply.code(429).header('retry-after', String(wait)).send(body);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode === 401) limiter.recordFailure(request.ip);
    done();
  });
}
