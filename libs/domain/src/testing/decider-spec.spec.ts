import type { Decider } from '../shared/decider';
import { InvalidInputError, InvalidTransitionError } from '../shared/domain-error';
import type { DomainEvent } from '../shared/envelope';
import { deciderSpec } from './decider-spec';

type Counted = DomainEvent<'Counted', { readonly by: number }>;
type Count = { readonly by: number };

const counter: Decider<Count, { total: number; lastAt: string | null }, Counted> = {
  initialState: () => ({ total: 0, lastAt: null }),
  evolve: (state, event) => ({ total: state.total + event.data.by, lastAt: event.occurredAt }),
  decide: (command, state, context) => {
    if (command.by <= 0) {
      throw new InvalidInputError('by', 'must be positive');
    }
    if (state.total >= 10) {
      throw new InvalidTransitionError(`full since ${state.lastAt} (now ${context.now})`);
    }
    return [{ type: 'Counted', data: { by: command.by } }];
  },
};

const given = deciderSpec(counter, { now: '2026-01-01T00:00:00Z' });
const counted = (by: number, occurredAt?: string) => ({
  type: 'Counted' as const,
  data: { by },
  ...(occurredAt ? { occurredAt } : {}),
});

describe('deciderSpec', () => {
  it('passes when the decided events match', () => {
    given([counted(1)])
      .when({ by: 2 })
      .then([counted(2)]);
  });

  it('fails when the decided events differ', () => {
    expect(() =>
      given([])
        .when({ by: 2 })
        .then([counted(3)]),
    ).toThrow();
  });

  it('checks an error by class, by code and by message', () => {
    given([]).when({ by: 0 }).thenThrows(InvalidInputError);
    given([])
      .when({ by: 0 })
      .thenThrows('invalid_input', /must be positive/);
  });

  it('fails when nothing was thrown', () => {
    expect(() => given([]).when({ by: 1 }).thenThrows('invalid_input')).toThrow();
  });

  it('fails when a different error was thrown', () => {
    expect(() => given([]).when({ by: 0 }).thenThrows('invalid_transition')).toThrow();
  });

  it('fails when events were appended but nothing was expected', () => {
    expect(() => given([]).when({ by: 1 }).thenNothing()).toThrow();
  });

  it('dates given events at the context’s now unless they carry their own time', () => {
    given([counted(10)])
      .when({ by: 1 })
      .thenThrows('invalid_transition', 'full since 2026-01-01T00:00:00Z');
    given([counted(10, '2025-05-05T00:00:00Z')])
      .when({ by: 1 }, { now: '2026-02-02T00:00:00Z' })
      .thenThrows('invalid_transition', 'full since 2025-05-05T00:00:00Z (now 2026-02-02T00:00:00Z)');
  });
});
