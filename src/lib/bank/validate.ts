/**
 * Deck validation: the zod schema first, then the checks a schema cannot express (unique ids,
 * references, verbatim quotes, answers that agree with their parts, coverage).
 *
 * Every problem is an issue: a path into the deck and a message (`validateIssues`), printed as one
 * line naming the file, the item and the field (`validateDeck`), e.g.
 * `questions/india-us-2026-01/deck.json: question "pax-silica-focus": options[3] repeats options[1]`.
 */
import * as z from 'zod/mini';
import { DeckSchema, type Deck, type Question } from './schema';
import { partsOf } from './parts';
import { about, formatIssue, formatPath, note, under, type Issue, type IssuePath } from './issues';

export { formatIssue, formatPath, type Issue, type IssuePath } from './issues';

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

/**
 * The version of these rules (the schema and the checks). Stored decks remember the version
 * that passed them: change it whenever a rule changes, so every stored deck is checked again.
 */
export const RULES_VERSION = 1;

export type ValidateResult =
	{ ok: true; deck: Deck; problems: [] } | { ok: false; deck?: undefined; problems: string[] };

/** The issues of a raw deck, or the deck they would have stopped. */
export type IssuesResult = { ok: true; deck: Deck } | { ok: false; issues: Issue[] };

/** Normalise text for quote matching: curly quotes to straight, any run of whitespace to one space. */
export function normaliseForQuote(text: string): string {
	return text
		.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
		.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Validate a raw deck against its schema and its source text (see `validateDeck`), returning
 * each problem as an issue: the path it is at and the message.
 */
export function validateIssues(
	raw: unknown,
	sourceText: string,
	options: ValidateOptions = {}
): IssuesResult {
	const parsed = z.safeParse(DeckSchema, raw);
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

function duplicates<T>(values: readonly T[]): Array<[first: number, repeat: number]> {
	const seen = new Map<T, number>();
	const out: Array<[number, number]> = [];
	values.forEach((v, i) => {
		const first = seen.get(v);
		if (first === undefined) seen.set(v, i);
		else out.push([first, i]);
	});
	return out;
}

const sameSet = (a: readonly number[], b: readonly number[]) =>
	a.length === b.length && a.every((x) => b.includes(x));

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
		issues.push(...under(at, checkQuestion(q)));
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

/** Options (or items) must differ once case and whitespace are ignored. */
function checkDistinct(texts: readonly string[], path: (i: number) => IssuePath): Issue[] {
	const norm = texts.map((t) => normaliseForQuote(t).toLowerCase());
	return duplicates(norm).map(([first, repeat]) =>
		about(path(repeat), `repeats ${formatPath(path(first))}`)
	);
}
const indexed = (field: string) => (i: number) => [field, i];

function checkIndex(path: IssuePath, index: number, length: number, of: string): Issue[] {
	return index < length ? [] : [about(path, `${index} is out of range (${of} has ${length})`)];
}

/** Type-specific checks: answers in range and agreeing with the parts, distinct options. */
function checkQuestion(q: Question): Issue[] {
	switch (q.type) {
		case 'flashcard':
		case 'true_false':
			return [];
		case 'mcq':
			return [
				...checkDistinct(q.options, indexed('options')),
				...checkIndex(['answer'], q.answer, q.options.length, 'options')
			];
		case 'multi':
			return [
				...checkDistinct(q.options, indexed('options')),
				...checkDistinct(q.answers.map(String), indexed('answers')),
				...q.answers.flatMap((a, i) => checkIndex(['answers', i], a, q.options.length, 'options'))
			];
		case 'cloze': {
			const out = /_{3,}/.test(q.prompt)
				? []
				: [about(['prompt'], 'has no blank (write it as ___)')];
			if ((q.prompt.match(/_{3,}/g) ?? []).length > 1)
				out.push(about(['prompt'], 'has more than one blank'));
			return [...out, ...checkDistinct(q.accepted, indexed('accepted'))];
		}
		case 'numeric':
			return Number.isFinite(q.answer) ? [] : [about(['answer'], 'must be a finite number')];
		case 'match':
			return [
				...checkDistinct(
					q.pairs.map((p) => p.left),
					(i) => ['pairs', i, 'left']
				),
				...checkDistinct(
					q.pairs.map((p) => p.right),
					(i) => ['pairs', i, 'right']
				)
			];
		case 'order':
			return checkDistinct(
				q.items.map((i) => i.text),
				indexed('items')
			);
		case 'statements':
		case 'pairs':
			return checkJudged(q);
		case 'assertion_reason': {
			const out: Issue[] = [];
			// Placed at the assertion, which the message opens with.
			if (!q.assertion.correct && !q.reason.correct)
				out.push(
					about(['assertion'], 'and reason are both incorrect: no option of the exam format fits')
				);
			if (q.explains && !(q.assertion.correct && q.reason.correct))
				out.push(about(['explains'], 'is true but the assertion or the reason is incorrect'));
			return out;
		}
	}
}

function checkJudged(q: Extract<Question, { type: 'statements' | 'pairs' }>): Issue[] {
	const out: Issue[] = [];
	const parts: ReadonlyArray<{ correct: boolean }> =
		q.type === 'statements' ? q.statements : q.pairs;
	const partsField = q.type === 'statements' ? 'statements' : 'pairs';
	out.push(
		...checkDistinct(
			q.options.map((o) => o.text),
			indexed('options')
		)
	);
	out.push(...checkIndex(['answer'], q.answer, q.options.length, 'options'));
	if (q.type === 'statements')
		out.push(
			...checkDistinct(
				q.statements.map((s) => s.text),
				indexed('statements')
			)
		);
	const truth = parts.flatMap((p, i) => (p.correct ? [i + 1] : []));
	// Which options are right according to the parts; exactly one must be, and it must be `answer`.
	const right: number[] = [];
	if (q.mode === 'which') {
		q.options.forEach((o, i) => {
			o.claims.forEach((c, j) => {
				if (c > parts.length)
					out.push(
						about(
							['options', i, 'claims', j],
							`${c} is out of range (${partsField} has ${parts.length})`
						)
					);
			});
			if (sameSet(o.claims, truth)) right.push(i);
		});
		out.push(
			...duplicates(q.options.map((o) => [...o.claims].sort().join(','))).map(([first, repeat]) =>
				about(['options', repeat, 'claims'], `repeats options[${first}].claims`)
			)
		);
	} else {
		q.options.forEach((o, i) => {
			if (o.count > parts.length)
				out.push(
					about(
						['options', i, 'count'],
						`${o.count} is more than the ${parts.length} ${partsField}`
					)
				);
			if (o.count === truth.length) right.push(i);
		});
		out.push(
			...duplicates(q.options.map((o) => o.count)).map(([first, repeat]) =>
				about(['options', repeat, 'count'], `repeats options[${first}].count`)
			)
		);
	}
	if (right.length === 0)
		out.push(
			note(
				[],
				`no option matches the correct ${partsField} (${truth.length ? truth.join(', ') : 'none'})`
			)
		);
	else if (q.answer < q.options.length && !right.includes(q.answer))
		out.push(
			about(
				['answer'],
				`${q.answer} disagrees with the ${partsField}: the correct option is ${right[0]} ("${q.options[right[0]].text}")`
			)
		);
	return out;
}
