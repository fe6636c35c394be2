/**
 * The framework floor `bench:http --floor` measures beside bare Fastify: what the stack the API is built on
 * costs before any of the API's own work. Nest 11 on the same Fastify adapter, the API's global validation
 * pipe with its RecordPurchase body DTO (class-transformer, class-validator), each request dispatched
 * through `@nestjs/cqrs`'s CommandBus or QueryBus to a handler that answers at once: no authentication,
 * rate limits, security headers, metrics, event store or read models. Same routes and answers as
 * `bare-server.ts`, in a process of its own.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Inject, Module, Param, Post, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  CommandBus,
  CommandHandler,
  CqrsModule,
  type ICommandHandler,
  type IQueryHandler,
  QueryBus,
  QueryHandler,
} from '@nestjs/cqrs';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { RecordPurchaseDto } from '../../apps/api/src/commands/dto/record-purchase.dto';
import { requestValidationPipe } from '../../apps/api/src/http/validation.pipe';
import { memoizeValidationMetadata } from '../../apps/api/src/http/validation-metadata-cache';
import { storedDocument } from './bare-document';

class RecordPurchase {
  constructor(
    readonly customerId: string,
    readonly purchase: RecordPurchaseDto,
  ) {}
}

class GetDocument {
  constructor(readonly customerId: string) {}
}

@CommandHandler(RecordPurchase)
class RecordPurchaseHandler implements ICommandHandler<RecordPurchase> {
  execute({ customerId }: RecordPurchase): Promise<object> {
    const commandId = randomUUID();
    return Promise.resolve({
      commandId,
      streamId: `customer-${customerId}`,
      revision: 1,
      events: [{ id: commandId, type: 'Purchased', revision: 1, position: 1 }],
      replayed: false,
    });
  }
}

@QueryHandler(GetDocument)
class GetDocumentHandler implements IQueryHandler<GetDocument> {
  private readonly document = storedDocument();

  execute(): Promise<Buffer> {
    return Promise.resolve(this.document);
  }
}

@Controller()
class FloorController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get('health')
  health(): object {
    return { status: 'ok' };
  }

  @Post('customers/:customerId/purchases')
  record(@Param('customerId') customerId: string, @Body() body: RecordPurchaseDto): Promise<object> {
    return this.commands.execute(new RecordPurchase(customerId, body));
  }

  @Get('customers/:customerId')
  async get(
    @Param('customerId') customerId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const document = await this.queries.execute<GetDocument, Buffer>(new GetDocument(customerId));
    void reply.header('content-type', 'application/json; charset=utf-8');
    return document;
  }
}

// The bench runs under tsx, which emits no decorator metadata: the parameter types the validation pipe
// reads are declared here, as `tsc` (the API's build) emits them.
Reflect.defineMetadata('design:paramtypes', [String, RecordPurchaseDto], FloorController.prototype, 'record');
Reflect.defineMetadata('design:paramtypes', [String, Object], FloorController.prototype, 'get');

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [FloorController],
  providers: [RecordPurchaseHandler, GetDocumentHandler],
})
class FloorModule {}

async function main(): Promise<void> {
  memoizeValidationMetadata();
  const app = await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter(), {
    logger: false,
  });
  app.useGlobalPipes(requestValidationPipe());
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
