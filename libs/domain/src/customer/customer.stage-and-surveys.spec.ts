import { command, event, given, registered } from '../testing/customer-fixtures';
import type { LifecycleStage } from './customer-vocabulary';

const advance = (to: LifecycleStage) => command('AdvanceStage', { to });
const advanced = (from: LifecycleStage, to: LifecycleStage) =>
  event('StageAdvanced', { from, to, trigger: 'command' });

describe('Customer lifecycle stage and surveys', () => {
  describe('when a lead', () => {
    it('advances to prospect', () => {
      given([registered()])
        .when(advance('prospect'))
        .then([advanced('lead', 'prospect')]);
    });

    it('skips ahead several stages', () => {
      given([registered()])
        .when(advance('loyal'))
        .then([advanced('lead', 'loyal')]);
    });

    it('churns', () => {
      given([registered()])
        .when(advance('churned'))
        .then([advanced('lead', 'churned')]);
    });

    it('refuses to advance to the stage it is already at', () => {
      given([registered()]).when(advance('lead')).thenThrows('invalid_transition', 'already at stage lead');
    });

    it('refuses an unknown stage', () => {
      given([registered()])
        .when(advance('vip' as LifecycleStage))
        .thenThrows('invalid_input', 'to');
    });
  });

  describe('when loyal', () => {
    const history = [registered(), advanced('lead', 'loyal')];

    it('advances to advocate', () => {
      given(history)
        .when(advance('advocate'))
        .then([advanced('loyal', 'advocate')]);
    });

    it.each(['lead', 'prospect', 'customer'] as const)('refuses to move back to %s', (to) => {
      given(history).when(advance(to)).thenThrows('invalid_transition', 'cannot move back');
    });

    it('churns', () => {
      given(history)
        .when(advance('churned'))
        .then([advanced('loyal', 'churned')]);
    });
  });

  describe('when churned', () => {
    const history = [registered(), advanced('lead', 'churned')];

    it.each(['lead', 'prospect', 'customer', 'loyal', 'advocate'] as const)(
      'refuses to move to %s without a purchase',
      (to) => {
        given(history).when(advance(to)).thenThrows('invalid_transition', 'only by making a purchase');
      },
    );

    it('refuses to churn again', () => {
      given(history).when(advance('churned')).thenThrows('invalid_transition', 'already at stage churned');
    });
  });

  describe('when registered, answering surveys', () => {
    it('records an NPS answer with a comment', () => {
      given([registered()])
        .when(command('AnswerNps', { surveyId: 'nps-2026-q2', score: 10, comment: 'Harika' }))
        .then([event('NpsAnswered', { surveyId: 'nps-2026-q2', score: 10, comment: 'Harika' })]);
    });

    it('records an NPS answer of zero', () => {
      given([registered()])
        .when(command('AnswerNps', { surveyId: 'nps-2026-q2', score: 0 }))
        .then([event('NpsAnswered', { surveyId: 'nps-2026-q2', score: 0 })]);
    });

    it.each([-1, 11, 7.5])('refuses an NPS score of %p', (score) => {
      given([registered()])
        .when(command('AnswerNps', { surveyId: 'nps-2026-q2', score }))
        .thenThrows('invalid_input', 'score');
    });

    it('refuses an NPS answer without a survey id', () => {
      given([registered()])
        .when(command('AnswerNps', { surveyId: '', score: 9 }))
        .thenThrows('invalid_input', 'surveyId');
    });

    it('records a satisfaction answer', () => {
      given([registered()])
        .when(command('AnswerSatisfaction', { surveyId: 'csat-order-77', score: 5 }))
        .then([event('SatisfactionAnswered', { surveyId: 'csat-order-77', score: 5 })]);
    });

    it.each([0, 6, 4.5])('refuses a satisfaction score of %p', (score) => {
      given([registered()])
        .when(command('AnswerSatisfaction', { surveyId: 'csat-order-77', score }))
        .thenThrows('invalid_input', 'score');
    });
  });
});
