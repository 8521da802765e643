export { EARLY_ANSWER_LIMITS, guardEarlyAnswers, type EarlyAnswerLimits } from './earlyAnswer';
