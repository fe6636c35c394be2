import { ApiProperty } from '@nestjs/swagger';
import { TIERS, type Tier } from '@crm/domain';
import { CommandBodyDto } from './command-body.dto';
import { IsOneOf } from './one-of';

export class SetTierFloorDto extends CommandBodyDto {
  @ApiProperty({
    description: 'The customer is never reviewed below this tier',
    enum: TIERS,
    example: 'gold',
  })
  @IsOneOf(TIERS)
  tier!: Tier;
}
