/**
 * Deck validation: the zod schema first, then the checks a schema cannot express (unique ids,
 * references, verbatim quotes, answers that agree with their parts, coverage).
 *
 * Every problem is an issue: a path into the deck and a message (`validateIssues`), printed as one
 * line naming the file, the item and the field (`validateDeck`), e.g.
 * `questions/india-us-2026-01/deck.json: question "pax-silica-focus": options[3] repeats options[1]`.
 */
import * as z from 'zod/mini';
import { defOf } from '../question-types';
import { duplicates, normaliseForQuote } from '../question-types/shared/check';
import { DeckSchema, type Deck } from './schema';
import { partsOf } from './parts';
import { about, formatIssue, note, under, type Issue, type IssuePath } from './issues';

export { formatIssue, formatPath, type Issue, type IssuePath } from './issues';
export { normaliseForQuote };

export interface ValidateOptions {
	/** Require every fact to be tested by at least this many questions (0 turns it off). */
	minQuestionsPerFact?: number;
	/** Require every fact to be tested by questions of at least this many types. */
	minTypesPerFact?: number;
}

/**
 * The rules for a deck a learner imports: every fact tested at least once. (The bank's own
 * decks are held to two questions of two types per fact, the defaults.)
 */
export const IMPORT_RULES: ValidateOptions = { minQuestionsPerFact: 1, minTypesPerFact: 1 };

/** The version of these rules: see rules-version.ts. */
export { RULES_VERSION } from './rules-version';

export type ValidateResult =
	{ ok: true; deck: Deck; problems: [] } | { ok: false; deck?: undefined; problems: string[] };

/** The issues of a raw deck, or the deck they would have stopped. */
export type IssuesResult = { ok: true; deck: Deck } | { ok: false; issues: Issue[] };

/**
 * Validate a raw deck against its schema and its source text (see `validateDeck`), returning
 * each problem as an issue: the path it is at and the message.
 */
export function validateIssues(
	raw: unknown,
	sourceText: string,
	options: ValidateOptions = {}
): IssuesResult {
	const parsed = z.safeParse(DeckSchema(), raw);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((issue) =>
			note(
				issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
				issue.message
			)
		);
		return { ok: false, issues };
	}
	const issues = deckIssues(parsed.data, parsed.data.source.text ?? sourceText, options);
	return issues.length ? { ok: false, issues } : { ok: true, deck: parsed.data };
}

/**
 * Validate a parsed JSON deck against its schema and its source text: the deck's own
 * `source.text` when it carries one, else `sourceText` (the file beside the deck).
 */
export function validateDeck(
	raw: unknown,
	sourceText: string,
	file: string,
	options: ValidateOptions = {}
): ValidateResult {
	const result = validateIssues(raw, sourceText, options);
	if (result.ok) return { ok: true, deck: result.deck, problems: [] };
	return { ok: false, problems: result.issues.map((i) => `${file}: ${formatIssue(i, raw)}`) };
}

/** A part's field as `partsOf` names it (`statements[1]`, `assertion`), as a path. */
const partPath = (field: string): IssuePath =>
	[...field.matchAll(/(\w+)|\[(\d+)\]/g)].map(([, name, index]) => name ?? Number(index));

/** The checks that a schema cannot express; each problem names the item and the field. */
export function checkDeck(deck: Deck, sourceText: string, options: ValidateOptions = {}): string[] {
	return deckIssues(deck, sourceText, options).map((issue) => formatIssue(issue, deck));
}

/** The checks that a schema cannot express, as issues (see `checkDeck`). */
export function deckIssues(deck: Deck, sourceText: string, options: ValidateOptions = {}): Issue[] {
	const { minQuestionsPerFact = 2, minTypesPerFact = 2 } = options;
	const issues: Issue[] = [];
	const source = normaliseForQuote(sourceText);
	const topicIds = new Set(deck.topics.map((t) => t.id));
	const factIds = new Set(deck.facts.map((f) => f.id));

	// An id that every object already has (`constructor`) would read as present in any lookup
	// keyed by id; the slug rule already refuses the others (`__proto__`, `toString`…).
	const reserved = (path: IssuePath, id: string) => {
		if (id in Object.prototype)
			issues.push(
				about(path, `"${id}" is a name every JavaScript object already has: choose another id`)
			);
	};
	reserved(['id'], deck.id);
	deck.topics.forEach((t, i) => reserved(['topics', i, 'id'], t.id));
	deck.facts.forEach((f, i) => reserved(['facts', i, 'id'], f.id));
	deck.questions.forEach((q, i) => reserved(['questions', i, 'id'], q.id));

	for (const [first, repeat] of duplicates(deck.topics.map((t) => t.id)))
		issues.push(
			note(['topics', repeat], `id "${deck.topics[repeat].id}" repeats topics[${first}]`)
		);
	for (const [first, repeat] of duplicates(deck.facts.map((f) => f.id)))
		issues.push(about(['facts', repeat, 'id'], `repeats facts[${first}] (facts[${repeat}])`));
	for (const [first, repeat] of duplicates(deck.questions.map((q) => q.id)))
		issues.push(
			about(['questions', repeat, 'id'], `repeats questions[${first}] (questions[${repeat}])`)
		);

	if (!source)
		issues.push(
			note(
				['source'],
				'no source text to check the quotes against (give source.text, or source.file beside the deck)'
			)
		);
	const sourceName = deck.source.file ? `"${deck.source.file}"` : '(source.text)';
	deck.facts.forEach((fact, f) => {
		if (source && !source.includes(normaliseForQuote(fact.quote)))
			issues.push(
				about(['facts', f, 'quote'], `does not occur verbatim in the source text ${sourceName}`)
			);
		for (const [first, repeat] of duplicates(fact.topics))
			issues.push(about(['facts', f, 'topics', repeat], `repeats topics[${first}]`));
		fact.topics.forEach((t, i) => {
			if (!topicIds.has(t))
				issues.push(about(['facts', f, 'topics', i], `"${t}" is not one of the deck's topics`));
		});
	});

	const typesByFact = new Map<string, Set<string>>();
	const countByFact = new Map<string, number>();
	deck.questions.forEach((q, n) => {
		const at = ['questions', n];
		for (const [first, repeat] of duplicates(q.facts))
			issues.push(about([...at, 'facts', repeat], `repeats facts[${first}]`));
		q.facts.forEach((id, i) => {
			if (!factIds.has(id))
				issues.push(about([...at, 'facts', i], `"${id}" is not a fact of this deck`));
			const types = typesByFact.get(id) ?? new Set();
			types.add(q.type);
			typesByFact.set(id, types);
			countByFact.set(id, (countByFact.get(id) ?? 0) + 1);
		});
		const parts = partsOf(q);
		for (const part of parts) {
			const path = [...at, ...partPath(part.field), 'fact'];
			if (!factIds.has(part.fact))
				issues.push(about(path, `"${part.fact}" is not a fact of this deck`));
			else if (!q.facts.includes(part.fact))
				issues.push(about(path, `"${part.fact}" is missing from facts`));
		}
		if (parts.length) {
			const partFacts = new Set(parts.map((p) => p.fact));
			q.facts.forEach((id, i) => {
				if (!partFacts.has(id))
					issues.push(
						about([...at, 'facts', i], `"${id}" is named by none of the question's parts`)
					);
			});
		}
		issues.push(...under(at, defOf(q).check(q)));
	});

	deck.facts.forEach((fact, f) => {
		const count = countByFact.get(fact.id) ?? 0;
		const types = typesByFact.get(fact.id)?.size ?? 0;
		if (count < minQuestionsPerFact)
			issues.push(
				note(
					['facts', f],
					`tested by ${count} question(s); at least ${minQuestionsPerFact} required`
				)
			);
		else if (types < minTypesPerFact)
			issues.push(
				note(
					['facts', f],
					`tested by questions of ${types} type(s); at least ${minTypesPerFact} required`
				)
			);
	});
	return issues;
}
