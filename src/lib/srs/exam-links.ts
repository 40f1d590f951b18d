/**
 * A paper's links: the full one (`/test`, `/print`, `/present`) and the short one a class joins
 * by (`/join`). Reading a link never fails: a value that is missing takes the default, and a
 * value that is there but unusable (not a number, out of its bounds, an unknown scheme) takes
 * the default too and says so, with the allowed values.
 */
import { QUESTION_TYPE_DEFS, TEST_TYPES, typeOfCode } from '../question-types';
import type { QuestionType } from '../bank/schema';
import {
	defaultConfig,
	LIMITS,
	markingScheme,
	RANGE_TEXT,
	validMarking,
	validN,
	validSeconds,
	type ExamConfig,
	type Marking,
	type SchemeId
} from './exam-config';

/** A config read from a link, and what in the link could not be used (one sentence each). */
export interface LinkRead {
	config: ExamConfig;
	problems: string[];
}

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);
/** A value from a link as the messages quote it: short, so a hostile link cannot flood the page. */
const quote = (v: string) => `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”`;
const SCHEME_IDS = ['upsc-gs1', 'csat', 'plain', 'custom'] as const;

/** The config as URL parameters: the shareable link of a paper. */
export function configToParams(c: ExamConfig): URLSearchParams {
	const p = new URLSearchParams({ seed: c.seed, n: String(c.n), mode: c.mode, marking: c.scheme });
	if (c.decks.length) p.set('decks', c.decks.join(','));
	if (c.topics.length) p.set('topics', c.topics.join(','));
	p.set('types', c.types.join(','));
	p.set('time', c.secondsPerQuestion === null ? 'none' : String(c.secondsPerQuestion));
	if (c.scheme === 'custom') p.set('custom', `${c.marking.right},${c.marking.wrong}`);
	return p;
}

/** Read a `/test` link: its config, and what in it was out of bounds or unknown. */
export function readTestLink(p: URLSearchParams, fallbackSeed: string): LinkRead {
	const d = defaultConfig(fallbackSeed);
	const problems: string[] = [];
	const say = (s: string) => problems.push(s);

	let seed = p.get('seed') || d.seed;
	if (seed.length > LIMITS.seedLength) {
		say(`The link's seed is longer than ${LIMITS.seedLength} characters; a new paper was chosen.`);
		seed = d.seed;
	}

	let n = d.n;
	const nText = p.get('n');
	if (nText) {
		if (validN(Number(nText))) n = Number(nText);
		else say(`The number of questions ${quote(nText)} must be ${RANGE_TEXT.n}; using ${d.n}.`);
	}

	const named = list(p.get('types'));
	const types = named.filter((t): t is QuestionType =>
		(TEST_TYPES as readonly string[]).includes(t)
	);
	const unknown = named.filter((t) => !(TEST_TYPES as readonly string[]).includes(t));
	if (unknown.length)
		say(
			`Not a question type a test can hold: ${unknown.map(quote).join(', ')} (left out; a test holds ${TEST_TYPES.join(', ')}).`
		);

	let seconds = d.secondsPerQuestion;
	const time = p.get('time');
	if (time === 'none') seconds = null;
	else if (time) {
		if (validSeconds(Number(time))) seconds = Number(time);
		else
			say(
				`The time per question ${quote(time)} must be ${RANGE_TEXT.seconds}, or none; using ${d.secondsPerQuestion} s.`
			);
	}

	let scheme: SchemeId = d.scheme;
	let marking: Marking = d.marking;
	const asked = p.get('marking');
	if (asked === 'custom') {
		const custom = p.get('custom') ?? '';
		const [right, wrong, ...extra] = custom.split(',').map((x) => (x.trim() ? Number(x) : NaN));
		const m = { right, wrong };
		if (extra.length === 0 && validMarking(m)) {
			scheme = 'custom';
			marking = m;
		} else
			say(
				`Custom marking ${quote(custom)} must be two numbers, “right,wrong”: marks for a right answer ${RANGE_TEXT.right}, then marks taken for a wrong one ${RANGE_TEXT.wrong}; using ${d.scheme}.`
			);
	} else if (asked) {
		const s = markingScheme(asked);
		if (s) {
			scheme = asked as SchemeId;
			marking = { right: s.right, wrong: s.wrong };
		} else
			say(
				`The marking ${quote(asked)} is not a scheme (${SCHEME_IDS.join(', ')}); using ${d.scheme}.`
			);
	}

	const mode = p.get('mode');
	if (mode && mode !== 'exam' && mode !== 'practice')
		say(`The mode ${quote(mode)} must be exam or practice; using exam.`);

	const config: ExamConfig = {
		seed,
		decks: list(p.get('decks')),
		topics: list(p.get('topics')),
		types: types.length ? types : d.types,
		n,
		secondsPerQuestion: seconds,
		scheme,
		marking,
		mode: mode === 'practice' ? 'practice' : 'exam'
	};
	return { config, problems };
}

/** Read a config from a link; anything missing or unusable falls back to the default. */
export function configFromParams(p: URLSearchParams, fallbackSeed: string): ExamConfig {
	return readTestLink(p, fallbackSeed).config;
}

/**
 * The order of the types (space-separated) in the bit mask (`k=`) of join links made before types had codes.
 * FROZEN: never edit it, even when a type is added, or old links open other papers.
 */
const LEGACY_MASK_ORDER =
	'flashcard mcq multi true_false cloze numeric match order statements pairs assertion_reason';

/**
 * The short link a class joins by (`/join?…`): the paper's seed, length, question types (by
 * their codes, `ty=mc.st`), and decks, topics and marking only when they are not the defaults.
 * Students get the same questions in the same order, in practice mode, untimed.
 */
export function joinParams(c: ExamConfig): URLSearchParams {
	const codes = c.types.map((t) => QUESTION_TYPE_DEFS[t].code).join('.');
	const p = new URLSearchParams({ s: c.seed, n: String(c.n), ty: codes });
	if (c.decks.length) p.set('d', c.decks.join(','));
	if (c.topics.length) p.set('t', c.topics.join(','));
	if (c.scheme !== 'plain')
		p.set('m', c.scheme === 'custom' ? `${c.marking.right},${c.marking.wrong}` : c.scheme);
	return p;
}

/** The types a join link names: by codes, or by an older link's bit mask. */
function typesOfJoin(p: URLSearchParams): QuestionType[] {
	const codes = p.get('ty');
	if (codes !== null) return codes.split('.').flatMap((c) => typeOfCode(c) ?? []);
	const mask = parseInt(p.get('k') ?? '', 36);
	if (!Number.isFinite(mask)) return [];
	const order = LEGACY_MASK_ORDER.split(' ') as QuestionType[];
	return order.filter((_, i) => mask & (1 << i));
}

/** Read a join link (practice mode, untimed): its config, and what in it could not be used. */
export function readJoinLink(p: URLSearchParams, fallbackSeed: string): LinkRead {
	const m = p.get('m') ?? 'plain';
	const full = new URLSearchParams({
		seed: p.get('s') || fallbackSeed,
		n: p.get('n') ?? '',
		mode: 'practice',
		time: 'none',
		marking: m.includes(',') ? 'custom' : m,
		types: typesOfJoin(p).join(',')
	});
	if (m.includes(',')) full.set('custom', m);
	if (p.get('d')) full.set('decks', p.get('d')!);
	if (p.get('t')) full.set('topics', p.get('t')!);
	return readTestLink(full, fallbackSeed);
}

/** Read a join link back into the config it came from (practice mode, untimed). */
export function configFromJoin(p: URLSearchParams, fallbackSeed: string): ExamConfig {
	return readJoinLink(p, fallbackSeed).config;
}
