import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandOutcome } from '@crm/application';
import { CustomerErasedError } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { DATA_PROTECTION, type DataProtection, EVENT_STORE } from '@crm/platform';
import type { CommandContext } from '../commands/command-context';
import { ExecuteCustomerCommand } from '../commands/execute-command';
import type { EraseCustomerDto } from '../commands/dto/erase-customer.dto';
import { split } from '../commands/split-body';
import { ReadModelScrubber } from './read-model-scrubber';

/**
 * `POST /customers/{id}/erasure`: appends `CustomerErased`, then destroys the customer's data key, then
 * scrubs the embedded read store. Every step is idempotent, so a retry (same Idempotency-Key, or any new
 * request once erased, which the decider refuses with 410) completes an erasure a crash interrupted; the
 * erasure reactor completes it on restart without any retry.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly commands: CommandBus,
    @Inject(DATA_PROTECTION) private readonly protection: DataProtection,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scrubber: ReadModelScrubber,
  ) {}

  async erase(customerId: string, body: EraseCustomerDto, context: CommandContext): Promise<CommandOutcome> {
    const { fields: data, commandId, occurredAt } = split(body, context);
    const command = { type: 'EraseCustomer' as const, customerId, occurredAt, data };
    let outcome: CommandOutcome;
    try {
      outcome = await this.commands.execute(new ExecuteCustomerCommand(command, context, commandId));
    } catch (error) {
      if (error instanceof CustomerErasedError)
        await this.complete(customerId, await this.store.headPosition());
      throw error;
    }
    await this.complete(customerId, Math.max(0, ...outcome.events.map((event) => event.position)));
    return outcome;
  }

  private async complete(customerId: string, position: number): Promise<void> {
    await this.protection.cipher.shred(customerId);
    await this.scrubber.afterErasure(position);
  }
}
