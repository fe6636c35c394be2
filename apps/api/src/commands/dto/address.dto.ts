import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class AddressDto {
  @ApiProperty({ example: 'Bağdat Caddesi No: 12' })
  @IsString()
  @Length(1, 200)
  line1!: string;

  @ApiPropertyOptional({ example: 'Daire 4' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  line2?: string;

  @ApiProperty({ example: 'İstanbul' })
  @IsString()
  @Length(1, 100)
  city!: string;

  @ApiPropertyOptional({ example: '34728' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  postalCode?: string;

  @ApiProperty({ description: 'ISO 3166 alpha-2', example: 'TR' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166 alpha-2 code such as TR' })
  country!: string;
}
