import { ForbiddenException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DocumentFilterError, type DocumentSelection, documentSelection } from '@crm/projection-runtime';
import type { StoredDocument } from '@crm/read-store';
import { AccessLog } from '../../data-protection/access-log';
import { invalidField } from '../../http/validation.pipe';
import type { PageOf } from '../page.dto';
import { ReadModels } from '../read-models';
import { FindProjectionDocumentsQuery, type DocumentsRequest } from './find-projection-documents.query';
import { ProjectionCatalogue } from './projection-catalogue';
import { isLoggedRead, readerOf } from './projection-readers';

/** Any discovered projection's documents, through the same port code as `crm query` (projectionDocuments). */
@QueryHandler(FindProjectionDocumentsQuery)
export class FindProjectionDocumentsHandler implements IQueryHandler<FindProjectionDocumentsQuery> {
  constructor(
    private readonly catalogue: ProjectionCatalogue,
    private readonly readModels: ReadModels,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({
    projection,
    request,
    reader,
  }: FindProjectionDocumentsQuery): Promise<PageOf<StoredDocument>> {
    const definition = await this.catalogue.find(projection);
    const role = readerOf(definition.name);
    const roles = reader.principal.roles;
    if (!roles.includes('admin') && !roles.includes(role)) {
      throw new ForbiddenException(`the documents of ${definition.name} need the ${role} role`);
    }
    const page = await this.readModels.projectionDocuments(definition, selectionOf(request));
    if (isLoggedRead(definition.name)) {
      await this.accessLog.record(reader, {
        record: 'audit-trail',
        customerId: null,
        purpose: request.purpose ?? 'audit',
        query: loggedQuery(request),
      });
    }
    return page;
  }
}

const selectionOf = (request: DocumentsRequest): DocumentSelection => {
  try {
    return documentSelection(request);
  } catch (error) {
    if (error instanceof DocumentFilterError) throw invalidField('id', error.message);
    throw error;
  }
};

/** What selected the entries read, for the access log: the filters and id, never what was read. */
const loggedQuery = ({ id, where }: DocumentsRequest): Record<string, string> => ({
  ...(id === undefined ? {} : { id }),
  ...(where.length === 0 ? {} : { where: where.join(' & ') }),
});
