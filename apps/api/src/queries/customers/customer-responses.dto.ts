import { ApiProperty } from '@nestjs/swagger';
import { LIFECYCLE_STAGES, TIERS } from '@crm/domain';
import { PageDto } from '../page.dto';

/** The main members of the customer 360 document, for OpenAPI; the body carries every view. */
export class Customer360Dto {
  @ApiProperty({ example: 'c-000042' })
  customerId!: string;

  @ApiProperty({ description: 'Revision of the last event applied', example: 7 })
  lastRevision!: number;

  @ApiProperty({ nullable: true, description: 'The latest occurredAt applied' })
  asOf!: string | null;

  @ApiProperty({ example: { name: 'Ayşe Yılmaz', email: 'ayse@example.com.tr' } })
  profile!: Record<string, unknown>;

  @ApiProperty({ enum: LIFECYCLE_STAGES, nullable: true })
  stage!: string | null;

  @ApiProperty({ enum: TIERS })
  tier!: string;

  @ApiProperty({ description: 'Net spend in TRY minor units', example: 600000 })
  netSpend!: number;

  @ApiProperty()
  churnRisk!: boolean;

  @ApiProperty({
    description: 'purchases, complaints, consents, campaigns, loyalty, churn, clv, timeline ...',
  })
  purchases!: Record<string, unknown>;
}

export class CustomerPageDto extends PageDto {
  @ApiProperty({ type: [Customer360Dto] })
  items!: Customer360Dto[];
}

export class StoredEventDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Purchased' })
  type!: string;

  @ApiProperty({ example: 2 })
  schemaVersion!: number;

  @ApiProperty({ example: { purchaseId: 'p-1', amount: { amount: 600000, currency: 'TRY' } } })
  data!: unknown;

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

  @ApiProperty({ description: 'actor, commandId, correlationId, causationId, source, ...' })
  metadata!: Record<string, unknown>;
}

export class CustomerHistoryPageDto extends PageDto {
  @ApiProperty({ type: [StoredEventDto] })
  items!: StoredEventDto[];
}
