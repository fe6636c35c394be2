import { type ExecutionContext, Injectable, type Type } from '@nestjs/common';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { AuthenticatedRequest } from './authenticated-request';
import { RouteMetadataReflector } from './route-metadata-reflector';
import { type RouteThrottler, routeThrottlers } from './route-throttlers';

type Handler = ReturnType<ExecutionContext['getHandler']>;

/** Rate limits per authenticated caller, falling back to the client address before authentication. */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  private readonly plans = new WeakMap<
    Handler,
    WeakMap<Type<unknown>, readonly RouteThrottler[] | 'dynamic'>
  >();

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: RouteMetadataReflector,
  ) {
    super(options, storage, reflector);
  }

  /**
   * The library resolves every throttler's settings from route metadata on each request; with no
   * per-request resolver or `skipIf` configured they are fixed per route, so they are resolved once.
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const plan = this.planFor(context.getHandler(), context.getClass());
    if (plan === 'dynamic') return super.canActivate(context);
    for (const throttler of plan) {
      const request: ThrottlerRequest = { ...throttler, context };
      if (!(await this.handleRequest(request))) return false;
    }
    return true;
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal, ip } = request as unknown as AuthenticatedRequest;
    return Promise.resolve(principal ? `sub:${principal.subject}` : `ip:${ip}`);
  }

  /**
   * The library hashes this key with SHA-256 on every request; the key only names an in-memory window
   * (fixed-window-throttler-storage.ts), so the plain text serves as well for less (bench/http).
   */
  protected override generateKey(context: ExecutionContext, tracker: string, throttler: string): string {
    return `${context.getClass().name}.${context.getHandler().name}:${throttler}:${tracker}`;
  }

  private planFor(handler: Handler, controller: Type<unknown>): readonly RouteThrottler[] | 'dynamic' {
    let byController = this.plans.get(handler);
    if (byController === undefined) this.plans.set(handler, (byController = new WeakMap()));
    let plan = byController.get(controller);
    if (plan === undefined) {
      plan = routeThrottlers(this.throttlers, this.commonOptions, (key) =>
        this.reflector.getAllAndOverride<unknown>(key, [handler, controller]),
      );
      byController.set(controller, plan);
    }
    return plan;
  }
}
