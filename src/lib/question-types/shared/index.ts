/** What several question types share (see docs/ARCHITECTURE.md). */
export * from './answer';
export * from './check';
export * from './csv';
export * from './def';
export * from './fields';
export * from './lazy-schema';
export * from './grading';
export * from './text';
export * from './upsc';
export * from './judged';
export * from './options';
export * from './body';
export * from './placed';
