import type { ThrottlerGuard, ThrottlerOptions, ThrottlerRequest } from '@nestjs/throttler';
import {
  THROTTLER_BLOCK_DURATION,
  THROTTLER_KEY_GENERATOR,
  THROTTLER_LIMIT,
  THROTTLER_SKIP,
  THROTTLER_TRACKER,
  THROTTLER_TTL,
} from '@nestjs/throttler/dist/throttler.constants';

export type RouteThrottler = Omit<ThrottlerRequest, 'context'>;

type CommonOptions = ThrottlerGuard['commonOptions'];

/**
 * The settings `ThrottlerGuard.canActivate` (6.x) resolves for a route, resolved once: each named throttler
 * not skipped by `@SkipThrottle`, with `@Throttle`'s limit, ttl and block duration over the module's.
 * 'dynamic' when any of them depends on the request (a `skipIf`, or a value given as a function).
 */
export function routeThrottlers(
  throttlers: readonly ThrottlerOptions[],
  common: CommonOptions,
  metadata: (key: string) => unknown,
): readonly RouteThrottler[] | 'dynamic' {
  const plan: RouteThrottler[] = [];
  for (const throttler of throttlers) {
    if (throttler.skipIf ?? common.skipIf) return 'dynamic';
    if (metadata(THROTTLER_SKIP + throttler.name)) continue;
    const limit = metadata(THROTTLER_LIMIT + throttler.name) ?? throttler.limit;
    const ttl = metadata(THROTTLER_TTL + throttler.name) ?? throttler.ttl;
    const blockDuration =
      metadata(THROTTLER_BLOCK_DURATION + throttler.name) ?? throttler.blockDuration ?? ttl;
    if (typeof limit !== 'number' || typeof ttl !== 'number' || typeof blockDuration !== 'number') {
      return 'dynamic';
    }
    plan.push({
      throttler,
      limit,
      ttl,
      blockDuration,
      getTracker: (metadata(THROTTLER_TRACKER + throttler.name) ??
        throttler.getTracker ??
        common.getTracker) as RouteThrottler['getTracker'],
      generateKey: (metadata(THROTTLER_KEY_GENERATOR + throttler.name) ??
        throttler.generateKey ??
        common.generateKey) as RouteThrottler['generateKey'],
    });
  }
  return plan;
}
