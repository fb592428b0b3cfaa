/** Generated exercises (docs/exercises.md): seeded problems, checked answers, worksheets. */
export {
  PROBLEM_KINDS,
  PROBLEM_KIND_TITLES,
  isProblemKind,
  type Problem,
  type ProblemKind,
  type AnswerField,
  type AnswerFormat,
  type AnswerChoice,
} from './problem';
export { generateProblem, generateWorksheet, normalizeSeed } from './generate';
export { checkAnswers, type Verdict, type FieldVerdict } from './check';
export { linearTableLog2 } from './kinds/linear-table';
export { walkPredictions, type Prediction } from './predict';
export { exitPredictions } from './predict-exits';
