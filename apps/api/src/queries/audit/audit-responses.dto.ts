import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../page.dto';

export class AuditEntryDto {
  @ApiProperty({ description: 'The zero-padded global position', example: '0000000000001042' })
  entryId!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'Purchased' })
  type!: string;

  @ApiProperty({ example: 'customer-c-000042' })
  streamId!: string;

  @ApiProperty({ example: 3 })
  revision!: number;

  @ApiProperty({ example: 1042 })
  position!: number;

  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' })
  occurredAt!: string;

  @ApiProperty({ example: '2026-03-02T10:00:00.120Z' })
  recordedAt!: string;

  @ApiProperty({ example: 'svc-orders' })
  actorId!: string;

  @ApiProperty({ example: 'service' })
  actorKind!: string;

  @ApiProperty({ example: ['service'] })
  actorRoles!: string[];

  @ApiProperty()
  commandId!: string;

  @ApiProperty()
  correlationId!: string;

  @ApiProperty()
  causationId!: string;

  @ApiProperty({ example: 'orders' })
  source!: string;

  @ApiProperty({ nullable: true, type: String })
  customerId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  opportunityId!: string | null;

  @ApiProperty({ description: 'The hash of the entry before; the genesis hash for the first' })
  previousHash!: string;

  @ApiProperty({ description: 'SHA-256 over the canonical entry and previousHash' })
  hash!: string;
}

export class AuditPageDto extends PageDto {
  @ApiProperty({ type: [AuditEntryDto] })
  items!: AuditEntryDto[];
}
