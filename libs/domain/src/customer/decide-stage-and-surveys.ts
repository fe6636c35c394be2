import { InvalidTransitionError } from '../shared/domain-error';
import { requireId } from '../shared/ids';
import { optionalText, requireIntegerInRange, requireOneOf } from '../shared/validation';
import type { AdvanceStage, AnswerNps, AnswerSatisfaction } from './customer.commands';
import type { NpsAnswered, SatisfactionAnswered, StageAdvanced } from './customer.events';
import type { RegisteredCustomer } from './customer.state';
import { withoutUndefined } from './customer-validation';
import { LIFECYCLE_STAGES } from './customer-vocabulary';

export const advanceStage = (command: AdvanceStage, state: RegisteredCustomer): StageAdvanced => {
  const to = requireOneOf('to', command.data.to, LIFECYCLE_STAGES);
  const from = state.stage;
  if (to === from) {
    throw new InvalidTransitionError(`customer is already at stage ${to}`, { from, to });
  }
  if (from === 'churned') {
    throw new InvalidTransitionError('a churned customer leaves churned only by making a purchase', {
      from,
      to,
    });
  }
  if (to !== 'churned' && LIFECYCLE_STAGES.indexOf(to) < LIFECYCLE_STAGES.indexOf(from)) {
    throw new InvalidTransitionError(
      `cannot move back from ${from} to ${to}; only churned is reachable backwards`,
      {
        from,
        to,
      },
    );
  }
  return { type: 'StageAdvanced', data: { from, to, trigger: 'command' } };
};

export const answerNps = (command: AnswerNps): NpsAnswered => ({
  type: 'NpsAnswered',
  data: withoutUndefined({
    surveyId: requireId('surveyId', command.data.surveyId),
    score: requireIntegerInRange('score', command.data.score, 0, 10),
    comment: optionalText('comment', command.data.comment, 4000),
  }),
});

export const answerSatisfaction = (command: AnswerSatisfaction): SatisfactionAnswered => ({
  type: 'SatisfactionAnswered',
  data: withoutUndefined({
    surveyId: requireId('surveyId', command.data.surveyId),
    score: requireIntegerInRange('score', command.data.score, 1, 5),
    comment: optionalText('comment', command.data.comment, 4000),
  }),
});
