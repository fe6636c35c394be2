import { Reflector } from '@nestjs/core';
import { SkipThrottle, Throttle, type ThrottlerOptions } from '@nestjs/throttler';
import { type RouteThrottler, routeThrottlers } from './route-throttlers';

const getTracker = (): string => 'tracker';
const generateKey = (): string => 'key';
const common = { getTracker, generateKey };
const perSecond: ThrottlerOptions = { name: 'default', ttl: 1_000, limit: 50 };

class Routes {
  plain(): void {}

  @Throttle({ default: { limit: 5, ttl: 60_000, blockDuration: 10 } })
  throttled(): void {}

  @SkipThrottle()
  skipped(): void {}

  @Throttle({ default: { limit: 5, ttl: () => 5 } })
  resolvedPerRequest(): void {}
}

const metadataOf =
  (route: keyof Routes) =>
  (key: string): unknown =>
    new Reflector().getAllAndOverride(key, [Routes.prototype[route], Routes]);

const resolved = (plan: readonly RouteThrottler[] | 'dynamic') =>
  plan === 'dynamic'
    ? plan
    : plan.map(({ throttler, limit, ttl, blockDuration }) => ({
        name: throttler.name,
        limit,
        ttl,
        blockDuration,
      }));

describe('routeThrottlers', () => {
  it("gives each throttler the module's settings, blocking for the ttl by default", () => {
    const plan = routeThrottlers([perSecond], common, metadataOf('plain'));

    expect(resolved(plan)).toEqual([{ name: 'default', limit: 50, ttl: 1_000, blockDuration: 1_000 }]);
    expect(plan !== 'dynamic' && plan[0].getTracker).toBe(getTracker);
    expect(plan !== 'dynamic' && plan[0].generateKey).toBe(generateKey);
  });

  it("takes a route's @Throttle settings over the module's", () => {
    const plan = routeThrottlers([perSecond], common, metadataOf('throttled'));

    expect(resolved(plan)).toEqual([{ name: 'default', limit: 5, ttl: 60_000, blockDuration: 10 }]);
  });

  it('leaves out a throttler the route skips with @SkipThrottle', () => {
    const hourly: ThrottlerOptions = { name: 'hourly', ttl: 3_600_000, limit: 1_000 };

    const plan = routeThrottlers([perSecond, hourly], common, metadataOf('skipped'));

    expect(resolved(plan)).toEqual([
      { name: 'hourly', limit: 1_000, ttl: 3_600_000, blockDuration: 3_600_000 },
    ]);
  });

  it('is dynamic when a skipIf or a setting given as a function depends on the request', () => {
    expect(routeThrottlers([{ ...perSecond, skipIf: () => false }], common, metadataOf('plain'))).toBe(
      'dynamic',
    );
    expect(routeThrottlers([perSecond], { ...common, skipIf: () => false }, metadataOf('plain'))).toBe(
      'dynamic',
    );
    expect(routeThrottlers([{ ...perSecond, limit: () => 5 }], common, metadataOf('plain'))).toBe('dynamic');
    expect(routeThrottlers([perSecond], common, metadataOf('resolvedPerRequest'))).toBe('dynamic');
  });
});
