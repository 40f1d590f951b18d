/** The question types' ids (a module without zod: storage needs it on first load). */
export { QUESTION_TYPES } from '../question-types/ids';
