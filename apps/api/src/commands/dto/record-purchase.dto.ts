import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CommandBodyDto } from './command-body.dto';
import { ID_MESSAGE, ID_PATTERN } from './id';
import { MoneyDto } from './money.dto';

export class RecordPurchaseDto extends CommandBodyDto {
  @ApiProperty({ example: 'p-2026-000981' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  purchaseId!: string;

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiPropertyOptional({ example: 'store' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  channel?: string;
}
