import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shape of the subject-access export; events keep the envelope of GET /customers/{id}/history. */
export class DataExportDto {
  @ApiProperty({ example: 'c-000042' })
  customerId!: string;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  exportedAt!: string;

  @ApiProperty({ description: 'True once the customer was erased: personal fields then read "[erased]"' })
  erased!: boolean;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: "The customer's events, decrypted" })
  events!: object[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: "The customer's opportunities' events",
  })
  opportunityEvents!: object[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: "SensitiveRecordViewed events: who read this customer's data, when and why",
  })
  accessLog!: object[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Active consents and their history',
  })
  consents!: object | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The read models held about the customer: customer360, loyaltyTier, customerSpend, kpiCustomer',
  })
  readModels!: object;
}
