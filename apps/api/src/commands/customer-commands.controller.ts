import { Body, Controller, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOutcome } from '@crm/application';
import { v5 as uuidv5 } from 'uuid';
import { Roles } from '../auth/access.decorators';
import { ApiCommandResponses } from './api-command-responses';
import { type CommandContext, CommandHeaders } from './command-context';
import { CustomerCommandRunner } from './customer-command-runner';
import { CustomerIdParam, IdParam } from './customer-id.param';
import { AdvanceStageDto } from './dto/advance-stage.dto';
import { RecordPurchaseDto } from './dto/record-purchase.dto';
import { RegisterCustomerDto } from './dto/register-customer.dto';
import { ReturnPurchaseDto } from './dto/return-purchase.dto';
import { ReviewTierDto } from './dto/review-tier.dto';
import { UpdateCustomerProfileDto } from './dto/update-customer-profile.dto';
import { split } from './split-body';

const CUSTOMER_ID_NAMESPACE = '0b6a3f1e-9c2d-5e47-8a1b-3c4d5e6f7a8b';

@ApiTags('customer commands')
@ApiBearerAuth()
@Roles('service')
@Controller('customers')
export class CustomerCommandsController extends CustomerCommandRunner {
  @Post()
  @ApiOperation({ summary: 'Register a customer (stage lead)' })
  @ApiCommandResponses({ created: true, location: '/customers/' })
  register(
    @Body() body: RegisterCustomerDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    const { fields, commandId, occurredAt } = split(body, context);
    const { customerId, ...data } = fields;
    // A retried registration without a chosen id must land on the same customer: the id follows the command id.
    const id = customerId ?? uuidv5(commandId, CUSTOMER_ID_NAMESPACE);
    return this.run({ type: 'RegisterCustomer', customerId: id, occurredAt, data }, context, commandId);
  }

  @Patch(':customerId')
  @ApiOperation({ summary: 'Change name, e-mail, phone or address; only changed fields are recorded' })
  @ApiCommandResponses()
  updateProfile(
    @CustomerIdParam() customerId: string,
    @Body() body: UpdateCustomerProfileDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.runBody('UpdateCustomerProfile', customerId, body, context);
  }

  @Post(':customerId/purchases')
  @ApiOperation({ summary: 'Record a purchase; a lead, prospect or churned customer becomes a customer' })
  @ApiCommandResponses({ created: true })
  recordPurchase(
    @CustomerIdParam() customerId: string,
    @Body() body: RecordPurchaseDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.runBody('RecordPurchase', customerId, body, context);
  }

  @Post(':customerId/purchases/:purchaseId/returns')
  @ApiOperation({ summary: 'Return part or all of a purchase, at most what is left of it' })
  @ApiCommandResponses({ created: true })
  returnPurchase(
    @CustomerIdParam() customerId: string,
    @IdParam('purchaseId') purchaseId: string,
    @Body() body: ReturnPurchaseDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    const { fields, commandId, occurredAt } = split(body, context);
    const data = { ...fields, purchaseId };
    return this.run({ type: 'ReturnPurchase', customerId, occurredAt, data }, context, commandId);
  }

  @Post(':customerId/stage')
  @ApiOperation({ summary: 'Move the lifecycle stage forward, or to churned' })
  @ApiCommandResponses()
  advanceStage(
    @CustomerIdParam() customerId: string,
    @Body() body: AdvanceStageDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.runBody('AdvanceStage', customerId, body, context);
  }

  @Post(':customerId/tier-review')
  @ApiOperation({ summary: 'Review the loyalty tier as of an instant: warn, downgrade or cancel a warning' })
  @ApiCommandResponses()
  reviewTier(
    @CustomerIdParam() customerId: string,
    @Body() body: ReviewTierDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.runBody('ReviewTier', customerId, body, context);
  }
}
