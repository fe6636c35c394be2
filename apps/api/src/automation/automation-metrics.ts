import { Counter } from 'prom-client';
import type { ApiMetrics } from '../metrics/metrics';

/** What became of one rule firing. */
export type FiringOutcome =
  /** The command appended events. */
  | 'appended'
  /** The command was accepted but changed nothing (e.g. the complaint already had that priority). */
  | 'no_change'
  /** The trigger had already fired this rule: its command id was in the stream. */
  | 'duplicate'
  /** The decider refused the command (e.g. `consent_required`); nothing was appended. */
  | 'refused'
  /** The template found no value at one of its paths. */
  | 'invalid'
  /** The customer 360 did not reach the trigger in time; the rule was not evaluated. */
  | 'stale'
  /** An infrastructure error outlasted the retries. */
  | 'failed';

/** `crm_automation_firings_total{rule,outcome}` on the API's registry. */
export class AutomationMetrics {
  private readonly firings: Counter<'rule' | 'outcome'>;

  constructor(metrics: ApiMetrics) {
    this.firings = new Counter({
      name: 'crm_automation_firings_total',
      help: 'Automation rule firings by rule and outcome (all but stale: the condition held)',
      labelNames: ['rule', 'outcome'],
      registers: [metrics.registry],
    });
  }

  record(rule: string, outcome: FiringOutcome): void {
    this.firings.inc({ rule, outcome });
  }
}
