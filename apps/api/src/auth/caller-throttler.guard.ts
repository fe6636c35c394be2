import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './authenticated-request';

/** Rate limits per authenticated caller, falling back to the client address before authentication. */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal, ip } = request as unknown as AuthenticatedRequest;
    return Promise.resolve(principal ? `sub:${principal.subject}` : `ip:${ip}`);
  }
}
