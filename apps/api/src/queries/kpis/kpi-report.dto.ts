import { ApiProperty } from '@nestjs/swagger';

class KpiDto {
  @ApiProperty({ example: 'sla_attainment' })
  key!: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Null when the denominator is 0',
    example: 0.875,
  })
  value!: number | null;

  @ApiProperty({ example: 'ratio', description: 'ratio, hours, days, NPS points or <currency> minor units' })
  unit!: string;

  @ApiProperty({ example: 'Complaints resolved within their SLA ÷ all complaints resolved in the period.' })
  definition!: string;

  @ApiProperty({
    example: 8,
    description: 'How many records (complaints, deals, customers…) stand behind it',
  })
  records!: number;
}

export class KpiReportDto {
  @ApiProperty({ example: '2026-03-01T00:00:00.000Z', description: 'Exclusive start of the period' })
  from!: string;

  @ApiProperty({ example: '2026-04-01T00:00:00.000Z', description: 'Inclusive end of the period' })
  to!: string;

  @ApiProperty({ type: [KpiDto] })
  kpis!: KpiDto[];
}
