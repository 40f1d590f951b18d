/** The parts of a question that each name their own fact: each type says which (question-types). */
export { partsOf } from '../question-types';
export type { Part } from '../question-types/shared';
