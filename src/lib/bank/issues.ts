/**
 * A problem with a deck as data: a path into the deck and a message, so that a reader can place it
 * (a CSV import finds the spreadsheet row and column from the path), and one way to print it.
 */

/** A path into the deck: `['questions', 3, 'options', 2]`. */
export type IssuePath = (string | number)[];

/** One problem with a deck: where it is (a path into the deck) and what is wrong there. */
export interface Issue {
	path: IssuePath;
	/** What is wrong, without the location: `repeats options[1]`, `Too small: …`. */
	message: string;
	/**
	 * True when the message continues the field the path ends at, as the checks word theirs
	 * (`options[3] repeats options[1]`); otherwise it follows a colon, as the schema's do
	 * (`options: Too small: …`).
	 */
	continuesField?: boolean;
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

/**
 * An issue as one line without the file, e.g. `question "q": options[3] repeats options[1]`.
 * A fact or a question is named by its id in `deck` (the raw deck, which may not be valid),
 * or by its number when it has none.
 */
export function formatIssue(issue: Issue, deck: unknown): string {
	const [list, index, ...rest] = issue.path;
	const join = issue.continuesField ? ' ' : ': ';
	if ((list === 'facts' || list === 'questions') && typeof index === 'number') {
		const item = (deck as Record<string, unknown[]> | null)?.[list]?.[index] as
			{ id?: unknown } | undefined;
		const label = list === 'facts' ? 'fact' : 'question';
		const name = typeof item?.id === 'string' ? `"${item.id}"` : `#${index + 1}`;
		const field = rest.length ? `${formatPath(rest)}${join}` : '';
		return `${label} ${name}: ${field}${issue.message}`;
	}
	return `${formatPath(issue.path)}${join}${issue.message}`;
}

/** A check's issue: the message continues the field that `path` ends at. */
export const about = (path: IssuePath, message: string): Issue => ({
	path,
	message,
	continuesField: true
});
/** An issue with an item as a whole, or with a part of the deck outside its facts and questions. */
export const note = (path: IssuePath, message: string): Issue => ({ path, message });
/** The issues of a question, placed under it in the deck. */
export const under = (prefix: IssuePath, issues: Issue[]): Issue[] =>
	issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));

/**
 * The issues under `prefix` (a path into the deck, `['questions', 3]`), with paths inside it:
 * the inverse of `under`, for a form showing one item's issues. All else an issue carries (a
 * lint finding's severity, `continuesField`) is kept.
 */
export const issuesUnder = <I extends Issue>(issues: readonly I[], prefix: IssuePath): I[] =>
	issues
		.filter((i) => prefix.every((p, k) => i.path[k] === p))
		.map((i) => ({ ...i, path: i.path.slice(prefix.length) }));

/**
 * An issue's words as shown to an author: a lint finding of severity warning (advice, which
 * stops nothing) says so first, `Warning: …`; the one wording for warnings everywhere.
 */
export const warned = (issue: { severity?: string }, text: string): string =>
	issue.severity === 'warning' ? `Warning: ${text}` : text;
