import type { CustomerCommand } from '@crm/domain';
import { renderCommand } from './command-template';
import { evaluateCondition } from './condition';
import type { AutomationRule, RuleFacts } from './rule';

/** The rules a trigger of this event type could fire, in file order. */
export const rulesTriggeredBy = (rules: readonly AutomationRule[], eventType: string): AutomationRule[] =>
  rules.filter((rule) => rule.trigger === eventType);

/** The command the rule issues for these facts, or null when its condition does not hold. */
export function decideRule(
  rule: AutomationRule,
  facts: RuleFacts,
  customerId: string,
): CustomerCommand | null {
  if (rule.trigger !== facts.event.type || !evaluateCondition(rule.when, facts)) return null;
  return renderCommand(rule.then, facts, customerId);
}

/** Deterministic per (rule, trigger event): a re-delivered trigger is answered as a replay. */
export const ruleCommandId = (ruleId: string, triggerEventId: string): string =>
  `rule-${ruleId}-${triggerEventId}`;
