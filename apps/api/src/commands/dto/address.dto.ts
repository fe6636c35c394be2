import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsLine } from './text';

export class AddressDto {
  @ApiProperty({ example: 'Bağdat Caddesi No: 12' })
  @IsLine(200)
  line1!: string;

  @ApiPropertyOptional({ example: 'Daire 4' })
  @IsOptional()
  @IsLine(200)
  line2?: string;

  @ApiProperty({ example: 'İstanbul' })
  @IsLine(100)
  city!: string;

  @ApiPropertyOptional({ example: '34728' })
  @IsOptional()
  @IsLine(20)
  postalCode?: string;

  @ApiProperty({ description: 'ISO 3166 alpha-2', example: 'TR' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166 alpha-2 code such as TR' })
  country!: string;
}
