/** A lint finding: where (a path into the deck, as in issues.ts), what, how bad, and which rule. */
import type { IssuePath } from '../issues';

export type LintRule =
	'relative-time' | 'fact-balance' | 'key-length' | 'key-form' | 'part-support' | 'one-answer';

export interface LintFinding {
	path: IssuePath;
	/** What is wrong, without the location (`formatIssue` places it). */
	message: string;
	severity: 'error' | 'warning';
	rule: LintRule;
}

export const error = (rule: LintRule, path: IssuePath, message: string): LintFinding => ({
	path,
	message,
	severity: 'error',
	rule
});

export const warning = (rule: LintRule, path: IssuePath, message: string): LintFinding => ({
	path,
	message,
	severity: 'warning',
	rule
});
