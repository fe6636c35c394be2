import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length } from 'class-validator';
import { IsText } from '../../commands/dto/text';
import { PageQueryDto } from '../page-query.dto';

const MAX_FILTERS = 20;

export class ProjectionDocumentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'field=value on a field the projection declares, the value typed by the field (number, boolean, string). ' +
      'Repeat it: filters on different fields are ANDed, several = on one field mean any of those values. ' +
      'Also field>=value, field>value, field<=value, field<value and field^=prefix (string fields).',
    type: [String],
    maxItems: MAX_FILTERS,
    example: ['tier=gold', 'churnRisk=true'],
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray({ message: 'where must be one or more field=value filters' })
  @ArrayMaxSize(MAX_FILTERS, { message: `where takes at most ${MAX_FILTERS} filters` })
  @IsString({ each: true, message: 'each where must be a field=value filter' })
  @Length(1, 500, { each: true, message: 'each where must be 1-500 characters' })
  where?: string[];

  @ApiPropertyOptional({
    description: 'Only the document with this id (no where, no cursor)',
    example: 'c000042',
  })
  @IsOptional()
  @IsString({ message: 'id must be a document id' })
  @Length(1, 256, { message: 'id must be 1-256 characters' })
  id?: string;

  @ApiPropertyOptional({
    description: 'Why the data is read; recorded in the access log when the read is logged (the audit trail)',
    maxLength: 200,
  })
  @IsOptional()
  @IsText(200)
  purpose?: string;
}
