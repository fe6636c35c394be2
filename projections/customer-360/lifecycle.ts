import type { Customer360 } from './customer-360.document';
import type { CustomerEnvelopeOf } from './customer-envelope';
import { withChanges } from './document-copy';

/** The stage is set at registration (`lead`, see profile.ts) and moved by `StageAdvanced`. */
export const applyStageAdvanced = (
  doc: Customer360,
  event: CustomerEnvelopeOf<'StageAdvanced'>,
): Customer360 => withChanges(doc, { stage: event.data.to, stageSince: event.occurredAt });
