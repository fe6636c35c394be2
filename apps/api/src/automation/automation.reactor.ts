import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type AutomationRule, rulesTriggeredBy, ruleCommandId } from '@crm/automation';
import { type EventEnvelope, parseStreamName } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, READ_STORE } from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { AUTOMATION_CONFIG, type AutomationConfig } from './automation-config';
import { AutomationMetrics } from './automation-metrics';
import { AUTOMATION_RULES } from './automation-rules';
import { Customer360Reader, StaleReadModelError } from './customer-360-reader';
import { followLog } from '../reactors/log-follower';
import { ReactorCheckpoint } from '../reactors/reactor-checkpoint';
import { type Firing, isImported, isRuleOutput, RuleFiring } from './rule-firing';

/**
 * Follows the global log from its own checkpoint and fires the rules each new event triggers. It is not
 * a projection: rebuilds and replays never reach it, and on its first start it begins at the head, so
 * history is never acted on (docs/automation.md).
 */
@Injectable()
export class AutomationReactor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Automation');
  private readonly customers: Customer360Reader;
  private readonly firing: RuleFiring;
  private readonly checkpoint: ReactorCheckpoint;
  private running: Promise<void> | undefined;
  private abort = new AbortController();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(AUTOMATION_CONFIG) private readonly config: AutomationConfig,
    @Inject(AUTOMATION_RULES) private readonly rules: readonly AutomationRule[],
    commands: CommandBus,
    metrics: AutomationMetrics,
  ) {
    this.customers = new Customer360Reader(readStore, config.projectionWaitMs);
    this.firing = new RuleFiring(commands, metrics);
    this.checkpoint = new ReactorCheckpoint(readStore);
  }

  onApplicationBootstrap(): void {
    if (this.config.enabled) this.start();
    else this.logger.log({ msg: 'automation disabled (AUTOMATION_ENABLED=false)' });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running !== undefined) return;
    this.abort = new AbortController();
    this.running = followLog(
      {
        name: 'automation reactor',
        store: this.store,
        types: [...new Set(this.rules.map((rule) => rule.trigger))],
        checkpoint: this.checkpoint,
        logger: this.logger,
        startAfter: () => this.startPosition(),
        handle: async (event, signal) => {
          await this.handle(event, signal);
          return this.triggers(event);
        },
      },
      this.abort.signal,
    ).finally(() => (this.running = undefined));
  }

  /** Finishes the trigger in hand (a pending wait for the 360 is cut short and redelivered later). */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  /**
   * Fires every rule the event triggers; safe to call again for the same event (at most once each).
   * Events a rule appended trigger nothing, so rules cannot chain into a loop; imported events neither.
   */
  async handle(event: EventEnvelope, signal = this.abort.signal): Promise<Firing[]> {
    const rules = this.triggers(event) ? rulesTriggeredBy(this.rules, event.type) : [];
    const stream = parseStreamName(event.streamId);
    if (rules.length === 0 || stream === null || stream.category !== 'customer') return [];
    let customer: unknown;
    try {
      customer = await this.customers.at(stream.id, event.position, signal);
    } catch (error) {
      if (!(error instanceof StaleReadModelError)) throw error;
      return rules.map((rule) => {
        const commandId = ruleCommandId(rule.id, event.id);
        return this.firing.record(rule, commandId, 'stale', {
          rule: rule.id,
          triggerEventId: event.id,
          triggerType: event.type,
          customerId: stream.id,
          commandId,
          reason: error.message,
        });
      });
    }
    const firings: Firing[] = [];
    for (const rule of rules) {
      const firing = await this.firing.fire(rule, event, stream.id, customer);
      if (firing !== null) firings.push(firing);
    }
    return firings;
  }

  private triggers(event: EventEnvelope): boolean {
    return !isRuleOutput(event) && !isImported(event) && rulesTriggeredBy(this.rules, event.type).length > 0;
  }

  /** The checkpoint; on the very first start the head, saved at once so a crash cannot reach back. */
  private async startPosition(): Promise<number> {
    const saved = await this.checkpoint.load();
    if (saved !== undefined) return saved;
    const head = await this.store.headPosition();
    await this.checkpoint.advance(head, true);
    this.logger.log({ msg: 'automation starts at the head of the log; earlier events never fire', head });
    return head;
  }
}
