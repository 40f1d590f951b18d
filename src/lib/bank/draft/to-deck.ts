/**
 * A draft as a deck, and every issue that stops it or that the lint finds, each placed by its
 * path in the draft so the editor shows it beside its field. The deck's validator (validate.ts,
 * with the rules of an import, IMPORT_RULES, and the article as the source text) and the lint
 * (lint.ts) are the judges, so a published deck passes exactly what an imported one does.
 *
 * While the author writes, some facts or questions are incomplete: the schema's issues are given
 * for them, and the other checks and the lint still run over the items that are complete, so a
 * message beside one question does not hide those of the others.
 */
import * as z from 'zod/mini';
import { lintDeck, type LintRule } from '../lint';
import { DeckSchema, FactSchema, QuestionSchema, TopicSchema, type Deck } from '../schema';
import { deckIssues, IMPORT_RULES } from '../validate';
import { formatPath, warned, type Issue, type IssuePath } from '../issues';
import { deckIdOf } from './ids';
import type { DeckDraft } from './model';

/** One message about a draft, at its field's path (issues.ts paths; the draft's, see model.ts). */
export interface DraftIssue {
	path: IssuePath;
	message: string;
	/** Errors stop a publish; warnings are advice. */
	severity: 'error' | 'warning';
	/** 'invalid': the deck's validator (schema and checks); else the lint rule that found it. */
	rule: 'invalid' | LintRule;
	/** True when the message continues the field's name (issues.ts `continuesField`). */
	continuesField?: boolean;
}

export interface DraftCheck {
	/** The deck, when it passes the validator (lint findings, even errors, do not stop it). */
	deck: Deck | null;
	/** Validator issues first, in deck order, then lint findings (errors, then warnings). */
	issues: DraftIssue[];
	/** Issues of severity error: the validator's and the lint's. */
	errors: number;
	warnings: number;
}

/** The deck a draft makes, as raw data (it may not pass the schema). */
export function rawDeckOf(draft: DeckDraft): Record<string, unknown> {
	const a = draft.article;
	const published = a.published;
	const factAsOf = draft.facts.map((f) => f.asOf || published);
	const dates = [published, ...factAsOf].filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
	// A field left blank is left out (an optional field the deck does not have).
	const optional = <K extends string>(key: K, v: string) => (v.trim() ? { [key]: v } : {});
	return {
		id: deckIdOf(draft),
		title: draft.title,
		...optional('description', draft.description),
		language: 'en',
		version: draft.origin.kind === 'own' ? draft.origin.version + 1 : 1,
		asOf: dates.at(-1) ?? published,
		source: {
			title: a.title,
			...optional('publisher', a.publisher),
			published,
			...optional('url', a.url),
			text: a.text
		},
		topics: draft.topics,
		facts: draft.facts.map((f, i) => ({
			id: f.id,
			statement: f.statement,
			quote: f.quote.text,
			topics: f.topics,
			asOf: factAsOf[i],
			volatile: f.volatile
		})),
		questions: draft.questions
	};
}

/** A deck path as the draft's: the deck's `source` is the draft's `article`. */
function draftPath(path: IssuePath): IssuePath {
	if (path[0] === 'source') return ['article', ...path.slice(1)];
	// The deck's date is derived from the article's.
	if (path[0] === 'asOf') return ['article', 'published'];
	return path;
}

type Lists = 'topics' | 'facts' | 'questions';

/**
 * The items of each list that pass their schema, and where each came from in the draft, so the
 * checks over them are placed at the draft's index.
 */
function completeItems(raw: Record<string, unknown>) {
	const schemas = {
		topics: TopicSchema(),
		facts: FactSchema(),
		questions: QuestionSchema()
	} as const;
	const from: Record<Lists, number[]> = { topics: [], facts: [], questions: [] };
	const deck = { ...raw } as Record<string, unknown>;
	for (const list of ['topics', 'facts', 'questions'] as const) {
		const items = raw[list] as unknown[];
		const good: unknown[] = [];
		items.forEach((item, i) => {
			const parsed = z.safeParse(schemas[list], item);
			if (parsed.success) {
				good.push(parsed.data);
				from[list].push(i);
			}
		});
		deck[list] = good;
	}
	const remap = (path: IssuePath): IssuePath => {
		const [list, index, ...rest] = path;
		if (
			(list === 'topics' || list === 'facts' || list === 'questions') &&
			typeof index === 'number'
		)
			return [list, from[list][index] ?? index, ...rest];
		return path;
	};
	return { deck: deck as unknown as Deck, remap };
}

/**
 * The draft as a deck, with every issue by its path in the draft. `reserved`: ids the deck may not
 * take (the built-in decks'), refused beside the title (or the id, when set).
 */
export function draftToDeck(
	draft: DeckDraft,
	{ reserved = [] }: { reserved?: readonly string[] } = {}
): DraftCheck {
	const raw = rawDeckOf(draft);
	const text = draft.article.text;
	const issues: DraftIssue[] = [];
	const invalid = (i: Issue) =>
		issues.push({ ...i, path: draftPath(i.path), severity: 'error', rule: 'invalid' });

	const parsed = z.safeParse(DeckSchema(), raw);
	let checkable: Deck;
	let remap = (p: IssuePath) => p;
	if (parsed.success) checkable = parsed.data;
	else {
		for (const issue of parsed.error.issues)
			invalid({
				path: issue.path.map((k) => (typeof k === 'number' ? k : String(k))),
				message: issue.message
			});
		({ deck: checkable, remap } = completeItems(raw));
	}
	const lost = new Set(draft.facts.flatMap((f, i) => (f.quote.lost ? [i] : [])));
	for (const i of lost)
		invalid({
			path: ['facts', i, 'quote'],
			message:
				'is no longer in the article (its text was edited): select the quote again, or undo the edit',
			continuesField: true
		});
	const id = deckIdOf(draft);
	if (reserved.includes(id))
		invalid({
			path: draft.id ? ['id'] : ['title'],
			message: `makes the id "${id}", a built-in deck's: give the deck another ${draft.id ? 'id' : 'title'}`,
			continuesField: true
		});
	const checks = deckIssues(checkable, text, IMPORT_RULES).map((i) => ({
		...i,
		path: remap(i.path)
	}));
	for (const issue of checks) {
		const [list, index, field] = issue.path;
		// A lost quote says so once, in its own words.
		if (list === 'facts' && field === 'quote' && lost.has(index as number)) continue;
		invalid(issue);
	}
	const valid = parsed.success && issues.length === 0;
	const findings = lint(checkable, valid);
	for (const f of findings)
		issues.push({
			path: draftPath(remap(f.path)),
			message: f.message,
			severity: f.severity,
			rule: f.rule,
			continuesField: true
		});
	const errors = issues.filter((i) => i.severity === 'error').length;
	return { deck: valid ? checkable : null, issues, errors, warnings: issues.length - errors };
}

/**
 * The lint's findings. It reads decks that passed validation; over an incomplete draft's complete
 * items it may meet a reference that is not there yet, and then says nothing until it can. Facts
 * are linted before any question is written (a relative time word in a statement is found as it
 * is typed).
 */
function lint(deck: Deck, valid: boolean) {
	if (valid) return lintDeck(deck);
	if (!deck.facts?.length) return [];
	try {
		return lintDeck(deck);
	} catch {
		return [];
	}
}

/** Issues by their path as text (`facts[2].statement`), for a field to find its own. */
export function issuesByField(issues: readonly DraftIssue[]): Map<string, DraftIssue[]> {
	const out = new Map<string, DraftIssue[]>();
	for (const issue of issues) {
		const key = formatPath(issue.path);
		const list = out.get(key);
		if (list) list.push(issue);
		else out.set(key, [issue]);
	}
	return out;
}

/** An issue as the sentence beside its field: its field's name and the message (a warning says so). */
export function issueText(issue: DraftIssue): string {
	const [, , ...rest] = issue.path;
	const named = issue.path[0] === 'facts' || issue.path[0] === 'questions' ? rest : issue.path;
	const field = named.length ? formatPath(named) : '';
	return warned(
		issue,
		field ? `${field}${issue.continuesField ? ' ' : ': '}${issue.message}` : issue.message
	);
}
