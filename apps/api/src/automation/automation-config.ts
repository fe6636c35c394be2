import { resolve } from 'node:path';

export const AUTOMATION_CONFIG = Symbol('AutomationConfig');

export interface AutomationConfig {
  /** AUTOMATION_ENABLED: the reactor runs unless it is `false`; the rules are loaded and listed either way. */
  readonly enabled: boolean;
  /** AUTOMATION_RULES_FILE, relative to the working directory. */
  readonly rulesFile: string;
  /** AUTOMATION_PROJECTION_WAIT_MS: how long a trigger waits for the customer 360 to reach it. */
  readonly projectionWaitMs: number;
}

export const DEFAULT_RULES_FILE = 'config/automation-rules.json';
export const DEFAULT_PROJECTION_WAIT_MS = 10_000;

export function readAutomationConfig(env: NodeJS.ProcessEnv): AutomationConfig {
  const wait = env.AUTOMATION_PROJECTION_WAIT_MS;
  const projectionWaitMs = wait === undefined ? DEFAULT_PROJECTION_WAIT_MS : Number(wait);
  if (!Number.isSafeInteger(projectionWaitMs) || projectionWaitMs < 0) {
    throw new Error(`AUTOMATION_PROJECTION_WAIT_MS must be a whole number of milliseconds, got ${wait}`);
  }
  return {
    enabled: env.AUTOMATION_ENABLED !== 'false',
    rulesFile: resolve(env.AUTOMATION_RULES_FILE ?? DEFAULT_RULES_FILE),
    projectionWaitMs,
  };
}
