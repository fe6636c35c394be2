import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { AddressDto } from './address.dto';
import { AtLeastOneOf } from './at-least-one-of';
import { CommandBodyDto } from './command-body.dto';
import { IsLine } from './text';

@AtLeastOneOf(['name', 'email', 'phone', 'address'])
export class UpdateCustomerProfileDto extends CommandBodyDto {
  @ApiPropertyOptional({ description: 'Full name', example: 'Ayşe Yılmaz Demir' })
  @IsOptional()
  @IsLine(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Contact e-mail address', example: 'ayse.demir@example.com.tr' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @Length(3, 254)
  email?: string;

  @ApiPropertyOptional({ description: 'Contact telephone number', example: '+90 532 555 01 03' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,32}$/, { message: 'phone must be a telephone number such as +90 532 555 01 02' })
  phone?: string;

  @ApiPropertyOptional({ type: AddressDto, description: 'Replaces the whole postal address' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}
