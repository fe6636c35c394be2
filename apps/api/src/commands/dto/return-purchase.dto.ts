import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, Matches, ValidateNested } from 'class-validator';
import { CommandBodyDto } from './command-body.dto';
import { ID_MESSAGE, ID_PATTERN } from './id';
import { MoneyDto } from './money.dto';

export class ReturnPurchaseDto extends CommandBodyDto {
  @ApiProperty({
    description: 'Identifies this return; a second return with the same id is refused',
    example: 'r-2026-000112',
  })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  returnId!: string;

  @ApiProperty({
    type: MoneyDto,
    description: 'Refunded amount, in the purchase currency, at most what is left of it',
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;
}
