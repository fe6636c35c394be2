import { ApiPropertyOptional } from '@nestjs/swagger';

/** One page of a list endpoint; `nextCursor` is present while more items match. */
export interface PageOf<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}

export abstract class PageDto {
  @ApiPropertyOptional({ description: 'Pass as cursor for the next page; absent on the last page' })
  nextCursor?: string;
}
