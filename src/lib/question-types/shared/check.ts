/**
 * What the types' own checks share (the checks a schema cannot express: answers in range,
 * options that differ). Each check returns issues (bank/issues.ts) with paths inside the
 * question; the deck validator places them under it. See docs/ARCHITECTURE.md.
 */
import { about, formatPath, type Issue, type IssuePath } from '../../bank/issues';

export { about, type Issue, type IssuePath };

/** Normalise text for quote matching: curly quotes to straight, any run of whitespace to one space. */
export function normaliseForQuote(text: string): string {
	return text
		.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
		.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Each value seen before: its first index and the repeat's. */
export function duplicates<T>(values: readonly T[]): Array<[first: number, repeat: number]> {
	const seen = new Map<T, number>();
	const out: Array<[number, number]> = [];
	values.forEach((v, i) => {
		const first = seen.get(v);
		if (first === undefined) seen.set(v, i);
		else out.push([first, i]);
	});
	return out;
}

/** `field[i]` as a path. */
export const indexed =
	(field: string) =>
	(i: number): IssuePath => [field, i];

/** Texts (options, items, parts) must differ once case and whitespace are ignored. */
export function checkDistinct(texts: readonly string[], path: (i: number) => IssuePath): Issue[] {
	const norm = texts.map((t) => normaliseForQuote(t).toLowerCase());
	return duplicates(norm).map(([first, repeat]) =>
		about(path(repeat), `repeats ${formatPath(path(first))}`)
	);
}

/** An index into a list of `length` (`of` names the list). */
export function checkIndex(path: IssuePath, index: number, length: number, of: string): Issue[] {
	return index < length ? [] : [about(path, `${index} is out of range (${of} has ${length})`)];
}

/** For types with nothing to check beyond their schema. */
export const noChecks = (): Issue[] => [];
