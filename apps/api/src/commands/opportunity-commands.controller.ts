import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOutcome } from '@crm/application';
import type { OpportunityCommand } from '@crm/domain';
import { v5 as uuidv5 } from 'uuid';
import { Roles } from '../auth/access.decorators';
import { ApiCommandResponses } from './api-command-responses';
import { type CommandContext, CommandHeaders } from './command-context';
import { IdParam } from './customer-id.param';
import { AdvanceOpportunityStageDto } from './dto/advance-opportunity-stage.dto';
import { LoseOpportunityDto } from './dto/lose-opportunity.dto';
import { OpenOpportunityDto } from './dto/open-opportunity.dto';
import { WinOpportunityDto } from './dto/win-opportunity.dto';
import { ExecuteOpportunityCommand } from './execute-command';
import { split } from './split-body';

const OPPORTUNITY_ID_NAMESPACE = '9847dcde-80ac-4f85-a46b-5d1f842c8c2c';

@ApiTags('opportunity commands')
@ApiBearerAuth()
@Roles('service')
@Controller('opportunities')
export class OpportunityCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Open an opportunity for a registered customer' })
  @ApiCommandResponses({ created: true, location: '/opportunities/' })
  open(@Body() body: OpenOpportunityDto, @CommandHeaders() context: CommandContext): Promise<CommandOutcome> {
    const { fields, commandId, occurredAt } = split(body, context);
    const { opportunityId, ...data } = fields;
    // Like customer registration: a retry without a chosen id must land on the same opportunity.
    const id = opportunityId ?? uuidv5(commandId, OPPORTUNITY_ID_NAMESPACE);
    return this.run({ type: 'OpenOpportunity', opportunityId: id, occurredAt, data }, context, commandId);
  }

  @Post(':opportunityId/stage')
  @ApiOperation({ summary: 'Move an open opportunity to a later stage' })
  @ApiCommandResponses()
  advanceStage(
    @IdParam('opportunityId') opportunityId: string,
    @Body() body: AdvanceOpportunityStageDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    const { fields: data, commandId, occurredAt } = split(body, context);
    return this.run({ type: 'AdvanceOpportunityStage', opportunityId, occurredAt, data }, context, commandId);
  }

  @Post(':opportunityId/won')
  @ApiOperation({ summary: 'Close an open opportunity as won' })
  @ApiCommandResponses()
  win(
    @IdParam('opportunityId') opportunityId: string,
    @Body() body: WinOpportunityDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    const { commandId, occurredAt } = split(body, context);
    return this.run({ type: 'WinOpportunity', opportunityId, occurredAt, data: {} }, context, commandId);
  }

  @Post(':opportunityId/lost')
  @ApiOperation({ summary: 'Close an open opportunity as lost, with the reason' })
  @ApiCommandResponses()
  lose(
    @IdParam('opportunityId') opportunityId: string,
    @Body() body: LoseOpportunityDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    const { fields: data, commandId, occurredAt } = split(body, context);
    return this.run({ type: 'LoseOpportunity', opportunityId, occurredAt, data }, context, commandId);
  }

  private run(
    command: OpportunityCommand,
    context: CommandContext,
    commandId: string,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new ExecuteOpportunityCommand(command, context, commandId));
  }
}
