import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EventEnvelope } from '@crm/domain';
import type { Customer360 } from '@crm/projections/customer-360';
import { Roles } from '../../auth/access.decorators';
import { CustomerIdParam } from '../../commands/customer-id.param';
import { AccessLog } from '../../data-protection/access-log';
import { type Reader, ReaderContext } from '../../data-protection/reader';
import { ApiQueryResponses } from '../api-query-responses';
import type { PageOf } from '../page.dto';
import { Customer360QueryDto } from './customer-360-query.dto';
import { CustomerHistoryQueryDto } from './customer-history-query.dto';
import { Customer360Dto, CustomerHistoryPageDto, CustomerPageDto } from './customer-responses.dto';
import { GetCustomer360AsOfQuery } from './get-customer-360-as-of.query';
import { GetCustomer360Query } from './get-customer-360.query';
import { GetCustomerHistoryQuery } from './get-customer-history.query';
import { ListCustomersDto } from './list-customers.dto';
import { ListCustomersQuery } from './list-customers.query';

@ApiTags('customer queries')
@Controller('customers')
export class CustomerQueriesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly accessLog: AccessLog,
  ) {}

  @Get()
  @Roles('analyst')
  @ApiOperation({
    summary: 'List customers by tier, stage, churn risk, RFM segment and name or e-mail prefix',
  })
  @ApiQueryResponses(CustomerPageDto, 'A page of customer 360 documents, by customer id')
  list(
    @Query() { tier, stage, churnRisk, q, segment, limit, cursor }: ListCustomersDto,
  ): Promise<PageOf<Customer360>> {
    return this.queries.execute(
      new ListCustomersQuery({ tier, stage, churnRisk, q, segment }, limit, cursor),
    );
  }

  @Get(':customerId')
  @Roles('analyst', 'auditor', 'service')
  @ApiOperation({
    summary: 'The customer 360; with asOf or asOfRevision, as it stood then (replayed from the events)',
  })
  @ApiQueryResponses(
    Customer360Dto,
    'The 360 document; its ETag is the customer stream revision it reflects (send it as If-Match)',
    {
      notFound: 'Unknown customer, or no event by asOf',
    },
  )
  async get(
    @CustomerIdParam() customerId: string,
    @Query() { asOf, asOfRevision }: Customer360QueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Customer360 | Buffer> {
    if (asOf !== undefined || asOfRevision !== undefined) {
      return this.queries.execute(
        new GetCustomer360AsOfQuery(customerId, { instant: asOf, revision: asOfRevision }),
      );
    }
    const { json, revision } = await this.queries.execute(new GetCustomer360Query(customerId));
    // The stored JSON bytes as they are: Fastify sends a Buffer without serialising, under the type set here.
    void reply.header('etag', `"${revision}"`).header('content-type', 'application/json; charset=utf-8');
    return json;
  }

  @Get(':customerId/history')
  @Roles('analyst', 'auditor')
  @ApiOperation({
    summary:
      "The customer's events, oldest first, optionally up to an instant; personal fields decrypted, so the read is logged as SensitiveRecordViewed",
  })
  @ApiQueryResponses(CustomerHistoryPageDto, 'A page of stored events', { notFound: 'Unknown customer' })
  async history(
    @CustomerIdParam() customerId: string,
    @Query() { asOf, limit, cursor, purpose }: CustomerHistoryQueryDto,
    @ReaderContext() reader: Reader,
  ): Promise<PageOf<EventEnvelope>> {
    const page = await this.queries.execute(new GetCustomerHistoryQuery(customerId, limit, asOf, cursor));
    await this.accessLog.record(reader, {
      record: 'customer-history',
      customerId,
      purpose: purpose ?? 'customer history',
    });
    return page;
  }
}
