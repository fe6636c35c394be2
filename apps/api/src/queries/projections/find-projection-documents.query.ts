import { Query } from '@nestjs/cqrs';
import type { StoredDocument } from '@crm/read-store';
import type { Reader } from '../../data-protection/reader';
import type { PageOf } from '../page.dto';

export interface DocumentsRequest {
  readonly id?: string;
  readonly where: readonly string[];
  readonly limit: number;
  readonly cursor?: string;
  /** Recorded with a logged read (the audit trail). */
  readonly purpose?: string;
}

export class FindProjectionDocumentsQuery extends Query<PageOf<StoredDocument>> {
  constructor(
    readonly projection: string,
    readonly request: DocumentsRequest,
    readonly reader: Reader,
  ) {
    super();
  }
}
