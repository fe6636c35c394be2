import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CommandBodyDto } from './command-body.dto';
import { ID_MESSAGE, ID_PATTERN } from './id';
import { IsCategory, IsText } from './text';

export class OpenComplaintDto extends CommandBodyDto {
  @ApiProperty({ description: 'Chosen by the caller; unique per customer', example: 'cmp-2026-0042' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  complaintId!: string;

  @ApiProperty({ description: 'What the complaint is about', example: 'delivery', maxLength: 64 })
  @IsCategory(64)
  category!: string;

  @ApiProperty({
    description: 'The customer’s account of it',
    example: 'The parcel arrived two weeks late.',
    maxLength: 4000,
  })
  @IsText(4000)
  description!: string;

  @ApiProperty({ description: 'Where it was raised', example: 'call-center', maxLength: 32 })
  @IsCategory(32)
  channel!: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Hours allowed to resolve it (default 72)',
    example: 48,
    minimum: 1,
    maximum: 8760,
  })
  @IsOptional()
  @IsInt({ message: 'slaHours must be a whole number of hours' })
  @Min(1, { message: 'slaHours must be at least 1' })
  @Max(8760, { message: 'slaHours must be at most 8760 (one year)' })
  slaHours?: number;
}
