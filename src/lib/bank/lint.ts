/**
 * Deck lint: the rules an exam setter would apply that go beyond a deck being valid (see
 * docs/ARCHITECTURE.md and docs/csv-format.md). Pure and schema-free: it reads a deck that has
 * already passed validation. `npm run validate` fails on its errors and prints its warnings; an
 * import shows both beside the result and never refuses a deck for them.
 */
import type { Deck } from './schema';
import { factBalance } from './lint/balance';
import { giveaways } from './lint/giveaway';
import { oneAnswer } from './lint/one-answer';
import { relativeTime } from './lint/relative-time';
import { partSupport } from './lint/support';
import type { LintFinding, LintRule } from './lint/types';
import { formatIssue } from './issues';

export type { LintFinding, LintRule } from './lint/types';

/** Every rule's findings on a deck, errors first, each in deck order. */
export function lintDeck(deck: Deck): LintFinding[] {
	const all = [
		...relativeTime(deck),
		...factBalance(deck),
		...partSupport(deck),
		...oneAnswer(deck),
		...giveaways(deck)
	];
	return [
		...all.filter((f) => f.severity === 'error'),
		...all.filter((f) => f.severity === 'warning')
	];
}

/** A finding as one line, e.g. `question "q": prompt says "next month" … [relative-time]`. */
export const formatFinding = (f: LintFinding, deck: Deck): string =>
	`${f.severity}: ${formatIssue({ path: f.path, message: f.message, continuesField: true }, deck)} [${f.rule}]`;

export interface LintSummary {
	errors: number;
	warnings: number;
	/** Findings per rule. */
	byRule: Partial<Record<LintRule, number>>;
	/** The questions a give-away rule flags (key-length, key-form), by id. */
	giveaways: string[];
}

export function summariseLint(findings: readonly LintFinding[], deck: Deck): LintSummary {
	const byRule: Partial<Record<LintRule, number>> = {};
	for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
	const giveaways = findings
		.filter((f) => f.rule === 'key-length' || f.rule === 'key-form')
		.map((f) => deck.questions[f.path[1] as number]?.id)
		.filter((id, i, all): id is string => !!id && all.indexOf(id) === i);
	return {
		errors: findings.filter((f) => f.severity === 'error').length,
		warnings: findings.filter((f) => f.severity === 'warning').length,
		byRule,
		giveaways
	};
}
