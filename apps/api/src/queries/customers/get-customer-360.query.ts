import { Query } from '@nestjs/cqrs';

/** The customer 360 as its read model stores it: UTF-8 JSON, sent on unchanged (no parse, no re-serialisation). */
export interface Customer360Json {
  readonly json: Buffer;
  /** The customer stream's revision the document reflects: the ETag, good for If-Match on a command. */
  readonly revision: number;
}

export class GetCustomer360Query extends Query<Customer360Json> {
  constructor(readonly customerId: string) {
    super();
  }
}
