import type { Actor } from '@crm/domain';
import type { Role } from './role';

/** The verified caller of a request, taken from its bearer token and nothing else. */
export interface Principal {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** The calling service (the token's `azp`), recorded as the events' `source`. */
  readonly service: string;
}

export const actorOf = (principal: Principal): Actor => ({
  id: principal.subject,
  kind: principal.roles.includes('service') ? 'service' : 'user',
  roles: principal.roles,
});
