import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOutcome } from '@crm/application';
import type { CustomerCommand } from '@crm/domain';
import { v5 as uuidv5 } from 'uuid';
import { Roles } from '../auth/access.decorators';
import { ApiCommandResponses } from './api-command-responses';
import { type CommandContext, CommandHeaders } from './command-context';
import { CommandResponseInterceptor } from './command-response.interceptor';
import { CustomerIdParam } from './customer-id.param';
import { RecordPurchaseDto } from './dto/record-purchase.dto';
import { RegisterCustomerDto } from './dto/register-customer.dto';
import { ExecuteCustomerCommand } from './execute-command';
import { split } from './split-body';

const CUSTOMER_ID_NAMESPACE = '0b6a3f1e-9c2d-5e47-8a1b-3c4d5e6f7a8b';

@ApiTags('customer commands')
@ApiBearerAuth()
@Roles('service')
@UseInterceptors(CommandResponseInterceptor)
@Controller('customers')
export class CustomerCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a customer (stage lead)' })
  @ApiCommandResponses({ created: true })
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

  @Post(':customerId/purchases')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a purchase; a lead, prospect or churned customer becomes a customer' })
  @ApiCommandResponses({ created: true })
  recordPurchase(
    @CustomerIdParam() customerId: string,
    @Body() body: RecordPurchaseDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    const { fields: data, commandId, occurredAt } = split(body, context);
    return this.run({ type: 'RecordPurchase', customerId, occurredAt, data }, context, commandId);
  }

  private run(command: CustomerCommand, context: CommandContext, commandId: string): Promise<CommandOutcome> {
    return this.commands.execute(new ExecuteCustomerCommand(command, context, commandId));
  }
}
