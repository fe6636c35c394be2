import { Injectable, type Type } from '@nestjs/common';
import { type ReflectableDecorator, Reflector } from '@nestjs/core';

// The targets Nest's own Reflector takes: a controller class or a handler method.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Target = Type<unknown> | Function;

/**
 * Route metadata is fixed once the routes are registered, yet the guards look it up on every request
 * (the throttler alone six keys per request, each through `reflect-metadata`'s maps). This keeps each
 * answer of `getAllAndOverride` for a handler and its controller, keyed by metadata key or decorator.
 */
@Injectable()
export class RouteMetadataReflector extends Reflector {
  private readonly answers = new Map<unknown, WeakMap<Target, WeakMap<Target, { value: unknown }>>>();

  override getAllAndOverride<TParam, TTransformed = TParam>(
    decorator: ReflectableDecorator<TParam, TTransformed>,
    targets: Target[],
  ): TTransformed;
  override getAllAndOverride<TResult, TKey = unknown>(metadataKey: TKey, targets: Target[]): TResult;
  override getAllAndOverride(key: unknown, targets: Target[]): unknown {
    if (targets.length !== 2) return super.getAllAndOverride(key, targets);
    const [handler, controller] = targets;
    let byHandler = this.answers.get(key);
    if (byHandler === undefined) this.answers.set(key, (byHandler = new WeakMap()));
    let byController = byHandler.get(handler);
    if (byController === undefined) byHandler.set(handler, (byController = new WeakMap()));
    let answer = byController.get(controller);
    if (answer === undefined) {
      answer = { value: super.getAllAndOverride(key, targets) };
      byController.set(controller, answer);
    }
    return answer.value;
  }
}
