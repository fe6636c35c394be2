import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../page.dto';

class ProjectionDocumentDto {
  @ApiProperty({ description: 'The document id the projection gave it', example: 'c000042' })
  id!: string;

  @ApiProperty({ description: 'The global position of the last event applied to it', example: 1042 })
  version!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The document as the projection built it; its shape is the projection's (see its README)",
  })
  body!: Record<string, unknown>;
}

export class ProjectionDocumentsPageDto extends PageDto {
  @ApiProperty({ type: [ProjectionDocumentDto] })
  items!: ProjectionDocumentDto[];
}
