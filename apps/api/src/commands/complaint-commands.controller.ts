import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOutcome } from '@crm/application';
import { Roles } from '../auth/access.decorators';
import { ApiCommandResponses } from './api-command-responses';
import { type CommandContext, CommandHeaders } from './command-context';
import { CustomerCommandRunner } from './customer-command-runner';
import { CustomerIdParam, IdParam } from './customer-id.param';
import { OpenComplaintDto } from './dto/open-complaint.dto';
import { PrioritizeComplaintDto } from './dto/prioritize-complaint.dto';
import { ReopenComplaintDto } from './dto/reopen-complaint.dto';
import { ResolveComplaintDto } from './dto/resolve-complaint.dto';
import { split } from './split-body';

@ApiTags('customer commands')
@ApiBearerAuth()
@Roles('service')
@Controller('customers/:customerId/complaints')
export class ComplaintCommandsController extends CustomerCommandRunner {
  @Post()
  @ApiOperation({ summary: 'Open a complaint with a resolution deadline (slaHours, default 72)' })
  @ApiCommandResponses({ created: true })
  open(
    @CustomerIdParam() customerId: string,
    @Body() body: OpenComplaintDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.runBody('OpenComplaint', customerId, body, context);
  }

  @Post(':complaintId/resolution')
  @ApiOperation({ summary: 'Resolve an open complaint' })
  @ApiCommandResponses()
  resolve(
    @CustomerIdParam() customerId: string,
    @IdParam('complaintId') complaintId: string,
    @Body() body: ResolveComplaintDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    const { fields, commandId, occurredAt } = split(body, context);
    const data = { ...fields, complaintId };
    return this.run({ type: 'ResolveComplaint', customerId, occurredAt, data }, context, commandId);
  }

  @Post(':complaintId/reopening')
  @ApiOperation({ summary: 'Reopen a resolved complaint' })
  @ApiCommandResponses()
  reopen(
    @CustomerIdParam() customerId: string,
    @IdParam('complaintId') complaintId: string,
    @Body() body: ReopenComplaintDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    const { fields, commandId, occurredAt } = split(body, context);
    const data = { ...fields, complaintId };
    return this.run({ type: 'ReopenComplaint', customerId, occurredAt, data }, context, commandId);
  }

  @Post(':complaintId/priority')
  @ApiOperation({ summary: 'Change the priority of an open complaint (normal, high, urgent)' })
  @ApiCommandResponses()
  prioritize(
    @CustomerIdParam() customerId: string,
    @IdParam('complaintId') complaintId: string,
    @Body() body: PrioritizeComplaintDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandOutcome> {
    const { fields, commandId, occurredAt } = split(body, context);
    const data = { ...fields, complaintId };
    return this.run({ type: 'PrioritizeComplaint', customerId, occurredAt, data }, context, commandId);
  }
}
