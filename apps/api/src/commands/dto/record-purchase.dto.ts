import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CommandBodyDto } from './command-body.dto';
import { ID_MESSAGE, ID_PATTERN } from './id';
import { MoneyDto } from './money.dto';
import { IsCategory } from './text';

export class RecordPurchaseDto extends CommandBodyDto {
  @ApiProperty({ example: 'p-2026-000981' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  purchaseId!: string;

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiPropertyOptional({ example: 'store', maxLength: 50 })
  @IsOptional()
  @IsCategory(50)
  channel?: string;
}
