/**
 * The words of every message the app shows for bad data: zod's English messages, made specific
 * where zod's are not ("Invalid input" says which field but not what it may hold), and errors
 * joined into sentences without doubled full stops.
 *
 * Importing this module sets zod's messages for the whole app (zod/mini ships none of its own):
 * `bank/schema.ts` imports it, so every schema that parses anything has them.
 */
import * as z from 'zod/mini';
import type { $ZodIssue, $ZodRawIssue } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

/** A value as a message quotes it: strings in quotes and cut short, others by kind. */
export function quoteValue(v: unknown): string {
	if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
	if (v === null || ['number', 'boolean', 'bigint'].includes(typeof v)) return String(v);
	if (v === undefined) return 'nothing';
	return Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

const TYPE_WORDS: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'an object',
	null: 'null'
};

/** "1, 2, 3, 4" as the allowed values: one, or "one of" several. */
function oneOf(values: readonly unknown[]): string {
	const list = values.map(quoteValue).join(', ');
	return values.length === 1 ? list : `one of ${list}`;
}

/**
 * What a union allows, when each of its branches is a value or a type (`1 | 2 | 3 | 4`,
 * `string | number`); undefined for unions of objects, which zod words well enough elsewhere.
 */
function unionAllows(branches: readonly (readonly $ZodIssue[])[]) {
	const values: unknown[] = [];
	const types: string[] = [];
	for (const issues of branches) {
		const [issue] = issues;
		if (issues.length !== 1 || issue.path.length) return undefined;
		if (issue.code === 'invalid_value') values.push(...issue.values);
		else if (issue.code === 'invalid_type') {
			types.push(TYPE_WORDS[issue.expected] ?? issue.expected);
		} else return undefined;
	}
	const parts = [...(values.length ? [oneOf(values)] : []), ...new Set(types)];
	return parts.length ? parts.join(' or ') : undefined;
}

/** The clearer message for an issue, or undefined to leave it to zod's English words. */
export function clearerMessage(issue: $ZodRawIssue): string | undefined {
	const got = ` (got ${quoteValue(issue.input)})`;
	if (issue.code === 'invalid_value') return `must be ${oneOf(issue.values)}${got}`;
	if (issue.code !== 'invalid_union') return undefined;
	// A discriminated union whose tag is unknown: the path already ends at the tag.
	const { options, discriminator } = issue as { options?: unknown[]; discriminator?: string };
	if (options?.length && discriminator) {
		const tag = (issue.input as Record<string, unknown> | null)?.[discriminator];
		return `must be ${oneOf(options)} (got ${quoteValue(tag)})`;
	}
	const allows = unionAllows(issue.errors);
	return allows ? `must be ${allows}${got}` : undefined;
}

z.config({ ...en(), customError: clearerMessage });

/**
 * A message as the middle of a sentence: without the full stop it may end with, so that text
 * can follow (`Not saved: ${clause(e)}. Try again.`, never "exceeded.. Try again.").
 */
export function clause(message: unknown): string {
	const text = message instanceof Error ? message.message : String(message);
	return text.trim().replace(/[\s.]+$/, '');
}
