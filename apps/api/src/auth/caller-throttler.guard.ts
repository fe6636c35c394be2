import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './authenticated-request';

/** Rate limits per authenticated caller, falling back to the client address before authentication. */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
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
}
