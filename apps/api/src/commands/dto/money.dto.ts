import { ApiProperty } from '@nestjs/swagger';
import { MAX_AMOUNT } from '@crm/domain';
import { IsInt, Matches, Max, Min } from 'class-validator';

export class MoneyDto {
  @ApiProperty({
    type: 'integer',
    description: 'Integer minor units (kuruş for TRY); never a float',
    example: 125_000,
    minimum: 1,
    maximum: MAX_AMOUNT,
  })
  @IsInt({ message: 'amount must be an integer number of minor units (kuruş), not a fraction' })
  @Min(1, { message: 'amount must be greater than zero' })
  @Max(MAX_AMOUNT, { message: `amount must be at most ${MAX_AMOUNT} minor units` })
  amount!: number;

  @ApiProperty({ description: 'ISO 4217 code', example: 'TRY', pattern: '^[A-Z]{3}$' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter uppercase ISO 4217 code' })
  currency!: string;
}
