import { type ExecutionContext, Injectable, type Type } from '@nestjs/common';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { AuthenticatedRequest } from './authenticated-request';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler-storage';
import { RouteMetadataReflector } from './route-metadata-reflector';
import { type RouteThrottler, routeThrottlers } from './route-throttlers';

type Handler = ReturnType<ExecutionContext['getHandler']>;

const trackerOf = (request: Record<string, unknown>): string => {
  const { principal, ip } = request as unknown as AuthenticatedRequest;
  return principal ? `sub:${principal.subject}` : `ip:${ip}`;
};

interface HeaderNames {
  readonly limit: string;
  readonly remaining: string;
  readonly reset: string;
  readonly retryAfter: string;
}

/** Rate limits per authenticated caller, falling back to the client address before authentication. */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  private readonly plans = new WeakMap<
    Handler,
    WeakMap<Type<unknown>, readonly RouteThrottler[] | 'dynamic'>
  >();
  /** Whether the module leaves tracking and keys to this guard (then `counted` may count at once). */
  private ownTracking = false;
  private readonly headerNamesByThrottler = new Map<string, HeaderNames>();

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: RouteMetadataReflector,
  ) {
    super(options, storage, reflector);
  }

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    const { options } = this;
    this.ownTracking =
      Array.isArray(options) || (options.getTracker === undefined && options.generateKey === undefined);
  }

  /**
   * The library resolves every throttler's settings from route metadata on each request; with no
   * per-request resolver or `skipIf` configured they are fixed per route, so they are resolved once.
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const plan = this.planFor(context.getHandler(), context.getClass());
    if (plan === 'dynamic') return super.canActivate(context);
    for (const throttler of plan) {
      const admitted = this.counted(throttler, context);
      if (admitted !== true && !(await admitted)) return false;
    }
    return true;
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    return Promise.resolve(trackerOf(request));
  }

  /**
   * The library hashes this key with SHA-256 on every request; the key only names an in-memory window
   * (fixed-window-throttler-storage.ts), so the plain text serves as well for less (bench/http).
   */
  protected override generateKey(context: ExecutionContext, tracker: string, throttler: string): string {
    return `${context.getClass().name}.${context.getHandler().name}:${throttler}:${tracker}`;
  }

  /**
   * `handleRequest`, answered at once (`true`) when nothing in it has to wait: the fixed-window storage,
   * this guard's tracker and key, no user agents exempted. Its awaits and per-request objects were ~10 % of
   * a read's CPU (bench/http). A caller over its limit gets the library's 429, with the same headers.
   */
  private counted(throttler: RouteThrottler, context: ExecutionContext): true | Promise<boolean> {
    const storage = this.storageService;
    if (!(storage instanceof FixedWindowThrottlerStorage) || !this.countsItself(throttler)) {
      return this.handleRequest({ ...throttler, context });
    }
    const { limit, ttl, blockDuration, throttler: options } = throttler;
    const common = this.commonOptions;
    const name = options.name ?? 'default';
    const http = context.switchToHttp();
    const tracker = trackerOf(http.getRequest());
    const key = this.generateKey(context, tracker, name);
    const record = storage.hit(key, ttl, limit, blockDuration, name);
    const reply = http.getResponse<Record<string, unknown>>();
    const headers = (options.setHeaders ?? common.setHeaders ?? true) ? this.headerNames(name) : undefined;
    if (record.isBlocked) {
      if (headers) this.setResponseHeader(reply, headers.retryAfter, record.timeToBlockExpire);
      return this.throwThrottlingException(context, { ...record, limit, ttl, key, tracker }).then(
        () => false,
      );
    }
    if (headers) {
      this.setResponseHeader(reply, headers.limit, limit);
      this.setResponseHeader(reply, headers.remaining, Math.max(0, limit - record.totalHits));
      this.setResponseHeader(reply, headers.reset, record.timeToExpire);
    }
    return true;
  }

  /** This guard's own tracker and key, and no user agents exempted: nothing the library would await. */
  private countsItself({ throttler, getTracker, generateKey }: RouteThrottler): boolean {
    const common = this.commonOptions;
    return (
      this.ownTracking &&
      getTracker === common.getTracker &&
      generateKey === common.generateKey &&
      !Array.isArray(throttler.ignoreUserAgents ?? common.ignoreUserAgents)
    );
  }

  /** The library's header names for a throttler, built once: no suffix for the one named `default`. */
  private headerNames(throttler: string): HeaderNames {
    let names = this.headerNamesByThrottler.get(throttler);
    if (names === undefined) {
      const suffix = throttler === 'default' ? '' : `-${throttler}`;
      names = {
        limit: `${this.headerPrefix}-Limit${suffix}`,
        remaining: `${this.headerPrefix}-Remaining${suffix}`,
        reset: `${this.headerPrefix}-Reset${suffix}`,
        retryAfter: `Retry-After${suffix}`,
      };
      this.headerNamesByThrottler.set(throttler, names);
    }
    return names;
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
