import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { AllowedRoles, PUBLIC_ROUTE } from './access.decorators';
import type { AuthenticatedRequest } from './authenticated-request';
import { RouteMetadataReflector } from './route-metadata-reflector';
import { InvalidTokenError, TokenIssuer } from './token-issuer';

/** Every route needs a valid bearer token unless marked @Public, and one of its @Roles (or admin). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: RouteMetadataReflector,
    private readonly tokens: TokenIssuer,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request.headers.authorization);
    request.principal = principal;
    const allowed = this.reflector.getAllAndOverride(AllowedRoles, targets) ?? [];
    if (principal.roles.includes('admin') || principal.roles.some((role) => allowed.includes(role))) {
      return true;
    }
    throw new ForbiddenException(`this endpoint needs one of the roles: ${['admin', ...allowed].join(', ')}`);
  }

  private async authenticate(header: string | undefined) {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '');
    if (!match) throw new UnauthorizedException('an Authorization: Bearer <token> header is required');
    try {
      return await this.tokens.verify(match[1]);
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? `: ${error.message}` : '';
      throw new UnauthorizedException(`invalid bearer token${reason}`);
    }
  }
}
