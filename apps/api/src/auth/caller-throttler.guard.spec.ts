import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import {
  Throttle,
  ThrottlerException,
  type ThrottlerModuleOptions,
  ThrottlerStorageService,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { CallerThrottlerGuard } from './caller-throttler.guard';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler-storage';
import { RouteMetadataReflector } from './route-metadata-reflector';

class Routes {
  read(): void {}

  @Throttle({ default: { limit: 1, ttl: 60_000 } })
  strict(): void {}
}

interface Outcome {
  readonly admitted: boolean | 'throttled';
  readonly headers: Record<string, string | number>;
}

async function guardWith(storage: ThrottlerStorage, options: ThrottlerModuleOptions) {
  const guard = new CallerThrottlerGuard(options, storage, new RouteMetadataReflector());
  await guard.onModuleInit();
  return async (route: keyof Routes, subject: string, userAgent = 'client/1.0'): Promise<Outcome> => {
    const headers: Record<string, string | number> = {};
    const reply = { header: (name: string, value: string | number) => (headers[name] = value) };
    const request = {
      principal: { subject, roles: ['service'] },
      ip: '10.0.0.1',
      headers: { 'user-agent': userAgent },
    };
    const context = new ExecutionContextHost([request, reply], Routes, Routes.prototype[route]);
    try {
      return { admitted: await guard.canActivate(context), headers };
    } catch (error) {
      if (!(error instanceof ThrottlerException)) throw error;
      return { admitted: 'throttled', headers };
    }
  };
}

const threePerSecond: ThrottlerModuleOptions = { throttlers: [{ ttl: 1_000, limit: 3 }] };

describe('CallerThrottlerGuard', () => {
  it('counts per caller, answering the rate-limit headers, then 429 with Retry-After', async () => {
    const storage = new FixedWindowThrottlerStorage();
    const increment = jest.spyOn(storage, 'increment');
    const request = await guardWith(storage, threePerSecond);

    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await request('read', 'greedy'));
    const other = await request('read', 'calm');

    expect(outcomes.map((outcome) => outcome.admitted)).toEqual([true, true, true, 'throttled']);
    expect(outcomes[0].headers).toEqual({
      'X-RateLimit-Limit': 3,
      'X-RateLimit-Remaining': 2,
      'X-RateLimit-Reset': 1,
    });
    expect(outcomes[2].headers['X-RateLimit-Remaining']).toBe(0);
    expect(outcomes[3].headers).toEqual({ 'Retry-After': 1 });
    expect(other).toEqual({
      admitted: true,
      headers: expect.objectContaining({ 'X-RateLimit-Remaining': 2 }),
    });
    // Counted without the promise-returning API, which is what the guard saves (bench/http).
    expect(increment).not.toHaveBeenCalled();
  });

  it("answers as the library's own path does, with its default storage", async () => {
    const counted = await guardWith(new FixedWindowThrottlerStorage(), threePerSecond);
    const library = await guardWith(new ThrottlerStorageService(), threePerSecond);

    for (const route of ['read', 'read', 'strict', 'strict', 'read', 'read'] as const) {
      expect(await counted(route, 'a')).toEqual(await library(route, 'a'));
    }
  });

  it('leaves tracking to a tracker the module configures', async () => {
    const byAddress = await guardWith(new FixedWindowThrottlerStorage(), {
      ...threePerSecond,
      getTracker: (request) => `address:${String(request.ip)}`,
    });

    for (let i = 0; i < 3; i++) await byAddress('read', `caller-${i}`);

    expect((await byAddress('read', 'caller-3')).admitted).toBe('throttled');
  });

  it('lets through the user agents the module exempts', async () => {
    const exempting = await guardWith(new FixedWindowThrottlerStorage(), {
      ...threePerSecond,
      ignoreUserAgents: [/^uptime-probe\//],
    });

    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await exempting('read', 'probe', 'uptime-probe/2.1'));

    expect(outcomes.map((outcome) => outcome.admitted)).toEqual([true, true, true, true, true]);
    expect((await exempting('read', 'probe')).admitted).toBe(true);
  });
});
