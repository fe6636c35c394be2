import { readFileSync } from 'node:fs';
import { type AutomationRule, parseRuleFile } from '@crm/automation';
import type { AutomationConfig } from './automation-config';

export const AUTOMATION_RULES = Symbol('AutomationRules');

/** The rules of the configured file; a missing or invalid file stops the start-up with the reason. */
export function loadAutomationRules(config: AutomationConfig): readonly AutomationRule[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(config.rulesFile, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read automation rules from ${config.rulesFile}: ${(error as Error).message}`);
  }
  return parseRuleFile(json);
}
