import { AlreadyExistsError, InvalidTransitionError, NotFoundError } from '../shared/domain-error';
import { requireId } from '../shared/ids';
import { requireBoolean, requireIntegerInRange, requireOneOf, requireText } from '../shared/validation';
import type {
  OpenComplaint,
  PrioritizeComplaint,
  ReopenComplaint,
  ResolveComplaint,
} from './customer.commands';
import type {
  Complained,
  ComplaintPrioritized,
  ComplaintReopened,
  ComplaintResolved,
} from './customer.events';
import { ownEntry } from '../shared/own-entry';
import type { RegisteredCustomer } from './customer.state';
import { COMPLAINT_PRIORITIES } from './customer-vocabulary';

export const DEFAULT_COMPLAINT_SLA_HOURS = 72;

const complaintStatus = (state: RegisteredCustomer, complaintId: string): 'open' | 'resolved' => {
  const status = ownEntry(state.complaints, complaintId);
  if (status === undefined) {
    throw new NotFoundError(`complaint ${complaintId} does not exist for this customer`, { complaintId });
  }
  return status;
};

export const openComplaint = (command: OpenComplaint, state: RegisteredCustomer): Complained => {
  const complaintId = requireId('complaintId', command.data.complaintId);
  if (ownEntry(state.complaints, complaintId) !== undefined) {
    throw new AlreadyExistsError(`complaint ${complaintId} is already open or resolved`, { complaintId });
  }
  return {
    type: 'Complained',
    data: {
      complaintId,
      category: requireText('category', command.data.category, 64),
      description: requireText('description', command.data.description, 4000),
      channel: requireText('channel', command.data.channel, 32),
      slaHours: requireIntegerInRange(
        'slaHours',
        command.data.slaHours ?? DEFAULT_COMPLAINT_SLA_HOURS,
        1,
        8760,
      ),
    },
  };
};

export const resolveComplaint = (command: ResolveComplaint, state: RegisteredCustomer): ComplaintResolved => {
  const complaintId = requireId('complaintId', command.data.complaintId);
  const firstContact = requireBoolean('firstContact', command.data.firstContact);
  const resolution = requireText('resolution', command.data.resolution, 4000);
  if (complaintStatus(state, complaintId) === 'resolved') {
    throw new InvalidTransitionError(`complaint ${complaintId} is already resolved`, { complaintId });
  }
  return { type: 'ComplaintResolved', data: { complaintId, firstContact, resolution } };
};

export const reopenComplaint = (command: ReopenComplaint, state: RegisteredCustomer): ComplaintReopened => {
  const complaintId = requireId('complaintId', command.data.complaintId);
  const reason = requireText('reason', command.data.reason, 4000);
  if (complaintStatus(state, complaintId) === 'open') {
    throw new InvalidTransitionError(
      `complaint ${complaintId} is still open; only a resolved one can be reopened`,
      {
        complaintId,
      },
    );
  }
  return { type: 'ComplaintReopened', data: { complaintId, reason } };
};

/** Only an open complaint is worked on; asking for the priority it already has appends nothing. */
export const prioritizeComplaint = (
  command: PrioritizeComplaint,
  state: RegisteredCustomer,
): ComplaintPrioritized[] => {
  const complaintId = requireId('complaintId', command.data.complaintId);
  const priority = requireOneOf('priority', command.data.priority, COMPLAINT_PRIORITIES);
  const reason = requireText('reason', command.data.reason, 500);
  if (complaintStatus(state, complaintId) === 'resolved') {
    throw new InvalidTransitionError(
      `complaint ${complaintId} is resolved; reopen it before changing its priority`,
      { complaintId },
    );
  }
  const previousPriority = ownEntry(state.complaintPriorities, complaintId) ?? 'normal';
  if (previousPriority === priority) {
    return [];
  }
  return [{ type: 'ComplaintPrioritized', data: { complaintId, priority, previousPriority, reason } }];
};
