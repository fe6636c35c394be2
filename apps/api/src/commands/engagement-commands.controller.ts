import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOutcome } from '@crm/application';
import { Roles } from '../auth/access.decorators';
import { ApiCommandResponses } from './api-command-responses';
import { type CommandContext, CommandHeaders } from './command-context';
import { CustomerCommandRunner } from './customer-command-runner';
import { CustomerIdParam } from './customer-id.param';
import { AnswerNpsDto } from './dto/answer-nps.dto';
import { AnswerSatisfactionDto } from './dto/answer-satisfaction.dto';
import { type CampaignEventKind, CampaignEventDto } from './dto/campaign-event.dto';
import { GrantConsentDto } from './dto/grant-consent.dto';
import { WithdrawConsentDto } from './dto/withdraw-consent.dto';
import { split } from './split-body';

const CAMPAIGN_COMMANDS = {
  sent: 'RecordCampaignSent',
  opened: 'RecordCampaignOpened',
  clicked: 'RecordCampaignClicked',
} as const satisfies Record<CampaignEventKind, string>;

/** Campaigns, consents and surveys: how the customer is reached and what they say back. */
@ApiTags('customer commands')
@ApiBearerAuth()
@Roles('service')
@Controller('customers/:customerId')
export class EngagementCommandsController extends CustomerCommandRunner {
  @Post('campaign-events')
  @ApiOperation({
    summary: 'Record a campaign sent (needs marketing consent on the channel), opened or clicked',
  })
  @ApiCommandResponses({ created: true })
  recordCampaignEvent(
    @CustomerIdParam() customerId: string,
    @Body() body: CampaignEventDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    const { fields, commandId, occurredAt } = split(body, context);
    const { kind, ...data } = fields;
    return this.run({ type: CAMPAIGN_COMMANDS[kind], customerId, occurredAt, data }, context, commandId);
  }

  @Post('consents')
  @ApiOperation({ summary: 'Grant consent for a purpose on a channel; the same grant again appends nothing' })
  @ApiCommandResponses({ created: true })
  grantConsent(
    @CustomerIdParam() customerId: string,
    @Body() body: GrantConsentDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.runBody('GrantConsent', customerId, body, context);
  }

  @Post('consents/withdrawal')
  @ApiOperation({ summary: 'Withdraw an active consent' })
  @ApiCommandResponses()
  withdrawConsent(
    @CustomerIdParam() customerId: string,
    @Body() body: WithdrawConsentDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.runBody('WithdrawConsent', customerId, body, context);
  }

  @Post('nps')
  @ApiOperation({ summary: 'Record a Net Promoter Score answer (0-10)' })
  @ApiCommandResponses({ created: true })
  answerNps(
    @CustomerIdParam() customerId: string,
    @Body() body: AnswerNpsDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.runBody('AnswerNps', customerId, body, context);
  }

  @Post('satisfaction')
  @ApiOperation({ summary: 'Record a satisfaction survey answer (1-5)' })
  @ApiCommandResponses({ created: true })
  answerSatisfaction(
    @CustomerIdParam() customerId: string,
    @Body() body: AnswerSatisfactionDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.runBody('AnswerSatisfaction', customerId, body, context);
  }
}
