import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class BrokenLinkDto {
  @ApiProperty({ example: 1042, description: 'Global position of the first entry that fails' })
  position!: number;

  @ApiProperty({ example: '0000000000001042' })
  entryId!: string;

  @ApiProperty({ enum: ['unlinked', 'hash-mismatch', 'broken-link', 'out-of-order'] })
  problem!: string;

  @ApiProperty({ description: 'What the chain says the entry must hold (a hash, or a position bound)' })
  expected!: string;

  @ApiProperty({ nullable: true, type: String, description: 'What the stored entry holds' })
  found!: string | null;
}

export class AuditVerificationDto {
  @ApiProperty({
    description: 'True when every stored entry links to the one before it and hashes to its hash',
  })
  ok!: boolean;

  @ApiProperty({ description: 'Entries verified before the first broken one (all of them when ok)' })
  verified!: number;

  @ApiPropertyOptional({
    description: 'Hash of the last entry: keep it outside the system to detect truncation',
  })
  lastHash?: string;

  @ApiPropertyOptional()
  lastPosition?: number;

  @ApiPropertyOptional({ type: BrokenLinkDto })
  firstBroken?: BrokenLinkDto;
}
