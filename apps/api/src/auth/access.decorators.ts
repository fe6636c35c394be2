import { SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from './role';

export const AllowedRoles = Reflector.createDecorator<Role[]>();

/** Roles allowed besides `admin`, which may call everything. An endpoint without it is admin-only. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => AllowedRoles(roles);

export const PUBLIC_ROUTE = 'crm:public';
/** Health, metrics and the API description: no token needed. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
