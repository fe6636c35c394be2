import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type AutomationRule, decideRule, ruleCommandId, TemplateUnresolvedError } from '@crm/automation';
import { type CommandOutcome, IdempotencyKeyReusedError } from '@crm/application';
import { type CustomerCommand, DomainError, type EventEnvelope } from '@crm/domain';
import type { Principal } from '../auth/principal';
import type { CommandContext } from '../commands/command-context';
import { ExecuteCustomerCommand } from '../commands/execute-command';
import type { AutomationMetrics, FiringOutcome } from './automation-metrics';

/** The `source` of every event a rule's command appends. */
export const AUTOMATION_SOURCE = 'automation';

/** Whether a rule's command appended the event. */
/** Imported history (the seed, a bulk import) is not news: no rule acts on it. */
export const isImported = (event: EventEnvelope): boolean => event.metadata.imported === true;

export const isRuleOutput = (event: EventEnvelope): boolean =>
  event.metadata.source === AUTOMATION_SOURCE && event.metadata.actor.id.startsWith('automation:');

/** The actor of every event a rule's command appends. */
export const automationPrincipal = (ruleId: string): Principal => ({
  subject: `automation:${ruleId}`,
  roles: ['service'],
  service: AUTOMATION_SOURCE,
});

export interface Firing {
  readonly rule: string;
  readonly outcome: FiringOutcome;
  readonly commandId: string;
}

const ATTEMPTS = 3;
const RETRY_DELAY_MS = 500;

/** Sends one rule's command for one trigger and records what became of it, in the log and the counter. */
export class RuleFiring {
  private readonly logger = new Logger('Automation');

  constructor(
    private readonly commands: CommandBus,
    private readonly metrics: AutomationMetrics,
  ) {}

  /** The rule's firing for this trigger, or null when its condition does not hold. */
  async fire(
    rule: AutomationRule,
    trigger: EventEnvelope,
    customerId: string,
    customer: unknown,
  ): Promise<Firing | null> {
    const commandId = ruleCommandId(rule.id, trigger.id);
    const log = {
      rule: rule.id,
      triggerEventId: trigger.id,
      triggerType: trigger.type,
      customerId,
      commandId,
    };
    let command: CustomerCommand | null;
    try {
      command = decideRule(rule, { event: trigger, customer }, customerId);
    } catch (error) {
      if (!(error instanceof TemplateUnresolvedError)) throw error;
      return this.record(rule, commandId, 'invalid', { ...log, reason: error.message });
    }
    if (command === null) return null;
    return this.send(rule, command, trigger, commandId, log);
  }

  /** Records a firing that was decided without sending (a stale read model). */
  record(
    rule: AutomationRule,
    commandId: string,
    outcome: FiringOutcome,
    log: Record<string, unknown>,
  ): Firing {
    this.metrics.record(rule.id, outcome);
    const entry = { msg: 'automation rule fired', outcome, ...log };
    if (outcome === 'appended' || outcome === 'no_change' || outcome === 'duplicate') this.logger.log(entry);
    else if (outcome === 'failed') this.logger.error(entry);
    else this.logger.warn(entry);
    return { rule: rule.id, outcome, commandId };
  }

  private async send(
    rule: AutomationRule,
    command: CustomerCommand,
    trigger: EventEnvelope,
    commandId: string,
    log: Record<string, unknown>,
  ): Promise<Firing> {
    const context: CommandContext = {
      principal: automationPrincipal(rule.id),
      correlationId: trigger.metadata.correlationId,
      causationId: trigger.id,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome: CommandOutcome = await this.commands.execute(
          new ExecuteCustomerCommand(command, context, commandId),
        );
        const kind = outcome.replayed ? 'duplicate' : outcome.events.length === 0 ? 'no_change' : 'appended';
        return this.record(rule, commandId, kind, { ...log, events: outcome.events.map((e) => e.id) });
      } catch (error) {
        if (error instanceof DomainError) {
          return this.record(rule, commandId, 'refused', { ...log, code: error.code, reason: error.message });
        }
        // The rule changed since this trigger first fired it: the trigger has had its firing.
        if (error instanceof IdempotencyKeyReusedError) return this.record(rule, commandId, 'duplicate', log);
        if (attempt >= ATTEMPTS) {
          return this.record(rule, commandId, 'failed', { ...log, reason: (error as Error).message });
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
      }
    }
  }
}
