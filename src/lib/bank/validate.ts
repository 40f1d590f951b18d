/**
 * Deck validation: the zod schema first, then the checks a schema cannot express (unique ids,
 * references, verbatim quotes, answers that agree with their parts, coverage).
 *
 * Every problem is one line naming the file, the item and the field, e.g.
 * `questions/india-us-2026-01/deck.json: question "pax-silica-focus": options[3] repeats options[1]`.
 */
import * as z from 'zod/mini';
import { DeckSchema, type Deck, type Question } from './schema';
import { partsOf } from './parts';

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

/** Normalise text for quote matching: curly quotes to straight, any run of whitespace to one space. */
export function normaliseForQuote(text: string): string {
	return text
		.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
		.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Print a zod issue path as `facts[3].quote`. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${String(key)}` : String(key);
	}
	return out || '(root)';
}

/** Name the deck item that a zod issue path points into, using the raw data where it has an id. */
function describeLocation(raw: unknown, path: readonly PropertyKey[]): string {
	const [list, index, ...rest] = path;
	if ((list === 'facts' || list === 'questions') && typeof index === 'number') {
		const item = (raw as Record<string, unknown[]>)[list]?.[index] as { id?: unknown } | undefined;
		const label = list === 'facts' ? 'fact' : 'question';
		const name = typeof item?.id === 'string' ? `"${item.id}"` : `#${index + 1}`;
		return rest.length ? `${label} ${name}: ${formatPath(rest)}` : `${label} ${name}`;
	}
	return formatPath(path);
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
	const parsed = z.safeParse(DeckSchema, raw);
	if (!parsed.success) {
		const problems = parsed.error.issues.map(
			(issue) => `${file}: ${describeLocation(raw, issue.path)}: ${issue.message}`
		);
		return { ok: false, problems };
	}
	const text = parsed.data.source.text ?? sourceText;
	const problems = checkDeck(parsed.data, text, options).map((p) => `${file}: ${p}`);
	return problems.length ? { ok: false, problems } : { ok: true, deck: parsed.data, problems: [] };
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

/** The checks that a schema cannot express; each problem names the item and the field. */
export function checkDeck(deck: Deck, sourceText: string, options: ValidateOptions = {}): string[] {
	const { minQuestionsPerFact = 2, minTypesPerFact = 2 } = options;
	const problems: string[] = [];
	const source = normaliseForQuote(sourceText);
	const topicIds = new Set(deck.topics.map((t) => t.id));
	const factIds = new Set(deck.facts.map((f) => f.id));

	for (const [first, repeat] of duplicates(deck.topics.map((t) => t.id)))
		problems.push(`topics[${repeat}]: id "${deck.topics[repeat].id}" repeats topics[${first}]`);
	for (const [first, repeat] of duplicates(deck.facts.map((f) => f.id)))
		problems.push(`fact "${deck.facts[repeat].id}": id repeats facts[${first}] (facts[${repeat}])`);
	for (const [first, repeat] of duplicates(deck.questions.map((q) => q.id)))
		problems.push(
			`question "${deck.questions[repeat].id}": id repeats questions[${first}] (questions[${repeat}])`
		);

	if (!source)
		problems.push(
			'source: no source text to check the quotes against (give source.text, or source.file beside the deck)'
		);
	const sourceName = deck.source.file ? `"${deck.source.file}"` : '(source.text)';
	for (const fact of deck.facts) {
		const at = `fact "${fact.id}"`;
		if (source && !source.includes(normaliseForQuote(fact.quote)))
			problems.push(`${at}: quote does not occur verbatim in the source text ${sourceName}`);
		fact.topics.forEach((t, i) => {
			if (!topicIds.has(t))
				problems.push(`${at}: topics[${i}] "${t}" is not one of the deck's topics`);
		});
	}

	const typesByFact = new Map<string, Set<string>>();
	const countByFact = new Map<string, number>();
	for (const q of deck.questions) {
		const at = `question "${q.id}"`;
		for (const [first, repeat] of duplicates(q.facts))
			problems.push(`${at}: facts[${repeat}] repeats facts[${first}]`);
		q.facts.forEach((id, i) => {
			if (!factIds.has(id)) problems.push(`${at}: facts[${i}] "${id}" is not a fact of this deck`);
			const types = typesByFact.get(id) ?? new Set();
			types.add(q.type);
			typesByFact.set(id, types);
			countByFact.set(id, (countByFact.get(id) ?? 0) + 1);
		});
		for (const part of partsOf(q)) {
			if (!factIds.has(part.fact))
				problems.push(`${at}: ${part.field}.fact "${part.fact}" is not a fact of this deck`);
			else if (!q.facts.includes(part.fact))
				problems.push(`${at}: ${part.field}.fact "${part.fact}" is missing from facts`);
		}
		const parts = partsOf(q);
		if (parts.length) {
			const partFacts = new Set(parts.map((p) => p.fact));
			q.facts.forEach((id, i) => {
				if (!partFacts.has(id))
					problems.push(`${at}: facts[${i}] "${id}" is named by none of the question's parts`);
			});
		}
		problems.push(...checkQuestion(q).map((p) => `${at}: ${p}`));
	}

	for (const fact of deck.facts) {
		const count = countByFact.get(fact.id) ?? 0;
		const types = typesByFact.get(fact.id)?.size ?? 0;
		if (count < minQuestionsPerFact)
			problems.push(
				`fact "${fact.id}": tested by ${count} question(s); at least ${minQuestionsPerFact} required`
			);
		else if (types < minTypesPerFact)
			problems.push(
				`fact "${fact.id}": tested by questions of ${types} type(s); at least ${minTypesPerFact} required`
			);
	}
	return problems;
}

/** Options (or items) must differ once case and whitespace are ignored. */
function checkDistinct(texts: readonly string[], name: (i: number) => string): string[] {
	const norm = texts.map((t) => normaliseForQuote(t).toLowerCase());
	return duplicates(norm).map(([first, repeat]) => `${name(repeat)} repeats ${name(first)}`);
}
const indexed = (field: string) => (i: number) => `${field}[${i}]`;

function checkIndex(field: string, index: number, length: number, of: string): string[] {
	return index < length ? [] : [`${field} ${index} is out of range (${of} has ${length})`];
}

/** Type-specific checks: answers in range and agreeing with the parts, distinct options. */
function checkQuestion(q: Question): string[] {
	switch (q.type) {
		case 'flashcard':
		case 'true_false':
			return [];
		case 'mcq':
			return [
				...checkDistinct(q.options, indexed('options')),
				...checkIndex('answer', q.answer, q.options.length, 'options')
			];
		case 'multi':
			return [
				...checkDistinct(q.options, indexed('options')),
				...checkDistinct(q.answers.map(String), indexed('answers')),
				...q.answers.flatMap((a, i) => checkIndex(`answers[${i}]`, a, q.options.length, 'options'))
			];
		case 'cloze': {
			const out = /_{3,}/.test(q.prompt) ? [] : ['prompt has no blank (write it as ___)'];
			if ((q.prompt.match(/_{3,}/g) ?? []).length > 1) out.push('prompt has more than one blank');
			return [...out, ...checkDistinct(q.accepted, indexed('accepted'))];
		}
		case 'numeric':
			return Number.isFinite(q.answer) ? [] : ['answer must be a finite number'];
		case 'match':
			return [
				...checkDistinct(
					q.pairs.map((p) => p.left),
					(i) => `pairs[${i}].left`
				),
				...checkDistinct(
					q.pairs.map((p) => p.right),
					(i) => `pairs[${i}].right`
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
			const out: string[] = [];
			if (!q.assertion.correct && !q.reason.correct)
				out.push('assertion and reason are both incorrect: no option of the exam format fits');
			if (q.explains && !(q.assertion.correct && q.reason.correct))
				out.push('explains is true but the assertion or the reason is incorrect');
			return out;
		}
	}
}

function checkJudged(q: Extract<Question, { type: 'statements' | 'pairs' }>): string[] {
	const out: string[] = [];
	const parts: ReadonlyArray<{ correct: boolean }> =
		q.type === 'statements' ? q.statements : q.pairs;
	const partsField = q.type === 'statements' ? 'statements' : 'pairs';
	out.push(
		...checkDistinct(
			q.options.map((o) => o.text),
			indexed('options')
		)
	);
	out.push(...checkIndex('answer', q.answer, q.options.length, 'options'));
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
						`options[${i}].claims[${j}] ${c} is out of range (${partsField} has ${parts.length})`
					);
			});
			if (sameSet(o.claims, truth)) right.push(i);
		});
		out.push(
			...duplicates(q.options.map((o) => [...o.claims].sort().join(','))).map(
				([first, repeat]) => `options[${repeat}].claims repeats options[${first}].claims`
			)
		);
	} else {
		q.options.forEach((o, i) => {
			if (o.count > parts.length)
				out.push(`options[${i}].count ${o.count} is more than the ${parts.length} ${partsField}`);
			if (o.count === truth.length) right.push(i);
		});
		out.push(
			...duplicates(q.options.map((o) => o.count)).map(
				([first, repeat]) => `options[${repeat}].count repeats options[${first}].count`
			)
		);
	}
	if (right.length === 0)
		out.push(
			`no option matches the correct ${partsField} (${truth.length ? truth.join(', ') : 'none'})`
		);
	else if (q.answer < q.options.length && !right.includes(q.answer))
		out.push(
			`answer ${q.answer} disagrees with the ${partsField}: the correct option is ${right[0]} ("${q.options[right[0]].text}")`
		);
	return out;
}
