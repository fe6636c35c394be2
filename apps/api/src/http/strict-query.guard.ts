import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FastifyRequest } from 'fastify';
import { RequestValidationError } from './validation.pipe';

/**
 * Every endpoint has a strict query schema: one that declares a query DTO has it validated (and unknown
 * parameters refused) by the validation pipe; one that declares none takes no parameter at all, and this
 * guard answers 400 naming each one it was sent. Whether a handler declares a query is read once from its
 * route metadata.
 */
@Injectable()
export class StrictQueryGuard implements CanActivate {
  private readonly declaresQuery = new WeakMap<object, boolean>();

  canActivate(context: ExecutionContext): boolean {
    const query = context.switchToHttp().getRequest<FastifyRequest>().query as Record<string, unknown>;
    const names = Object.keys(query ?? {});
    if (names.length === 0 || this.takesQuery(context)) return true;
    throw new RequestValidationError(
      names.slice(0, 20).map((name) => ({
        field: /^[A-Za-z0-9_$-]{1,64}$/.test(name) ? name : JSON.stringify(name.slice(0, 64)),
        messages: ['this endpoint takes no query parameters'],
      })),
    );
  }

  private takesQuery(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let known = this.declaresQuery.get(handler);
    if (known === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ??
        {}) as object;
      known = Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.QUERY));
      this.declaresQuery.set(handler, known);
    }
    return known;
  }
}
