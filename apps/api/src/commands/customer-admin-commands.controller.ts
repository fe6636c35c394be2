import { Body, Controller, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOutcome } from '@crm/application';
import { ErasureService } from '../data-protection/erasure.service';
import { ApiCommandResponses } from './api-command-responses';
import { type CommandContext, CommandHeaders } from './command-context';
import { CustomerCommandRunner } from './customer-command-runner';
import { CustomerIdParam } from './customer-id.param';
import { EraseCustomerDto } from './dto/erase-customer.dto';
import { SetTierFloorDto } from './dto/set-tier-floor.dto';

/** Admin only: no @Roles, so only the admin role passes the guard. */
@ApiTags('customer admin commands')
@ApiBearerAuth()
@Controller('customers/:customerId')
export class CustomerAdminCommandsController extends CustomerCommandRunner {
  constructor(
    commands: CommandBus,
    private readonly erasures: ErasureService,
  ) {
    super(commands);
  }

  @Put('tier-floor')
  @ApiOperation({ summary: 'Guarantee a minimum loyalty tier (admin only)' })
  @ApiCommandResponses()
  setTierFloor(
    @CustomerIdParam() customerId: string,
    @Body() body: SetTierFloorDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.runBody('SetTierFloor', customerId, body, context);
  }

  @Post('erasure')
  @ApiOperation({
    summary:
      'Erase the customer (KVKK / GDPR): appends CustomerErased, destroys the customer\'s data key; personal fields then read "[erased]" everywhere and every later command is refused with 410 (admin only)',
  })
  @ApiCommandResponses()
  erase(
    @CustomerIdParam() customerId: string,
    @Body() body: EraseCustomerDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.erasures.erase(customerId, body, context);
  }
}
