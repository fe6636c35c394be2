import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { AddressDto } from './address.dto';
import { CommandBodyDto } from './command-body.dto';
import { ID_MESSAGE, ID_PATTERN } from './id';
import { IsCategory, IsLine } from './text';

export class RegisterCustomerDto extends CommandBodyDto {
  @ApiPropertyOptional({
    description: 'Chosen by the caller, or derived from the idempotency key, or generated',
    example: 'c-000042',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  customerId?: string;

  @ApiProperty({ example: 'Ayşe Yılmaz', maxLength: 200 })
  @IsLine(200)
  name!: string;

  @ApiProperty({ example: 'ayse@example.com.tr' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @Length(3, 254)
  email!: string;

  @ApiPropertyOptional({ example: '+90 532 555 01 02' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,32}$/, { message: 'phone must be a telephone number such as +90 532 555 01 02' })
  phone?: string;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiProperty({ description: 'Where the customer signed up', example: 'web', maxLength: 50 })
  @IsCategory(50)
  registeredVia!: string;
}
