import type { CustomerCommand } from '@crm/domain';
import { resolveFact } from './fact-path';
import type { CommandTemplate, RuleFacts, Scalar } from './rule';

/** A `{ path }` in a template found nothing (or something that is not a scalar) in the facts. */
export class TemplateUnresolvedError extends Error {
  override readonly name = 'TemplateUnresolvedError';

  constructor(
    readonly field: string,
    readonly path: string,
  ) {
    super(`template field ${field}: path ${path} holds no string, number, boolean or null`);
  }
}

const isScalar = (value: unknown): value is Scalar =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** The command for one customer: literals as written, `{ path }` values read from the facts. */
export function renderCommand(
  template: CommandTemplate,
  facts: RuleFacts,
  customerId: string,
): CustomerCommand {
  const data: Record<string, Scalar> = {};
  for (const [field, value] of Object.entries(template.data)) {
    if (value === null || typeof value !== 'object') {
      data[field] = value;
      continue;
    }
    const resolved = resolveFact(facts, value.path);
    if (!isScalar(resolved)) throw new TemplateUnresolvedError(field, value.path);
    data[field] = resolved;
  }
  return { type: template.type, customerId, data } as unknown as CustomerCommand;
}
