/**
 * How the bench prints: every figure as the median of its runs with their spread (lowest–highest)
 * and the count, and every budget as one line a script can read:
 *
 *   budget <name> <measured> <limit> <ratio> pass|FAIL
 *
 * where ratio = measured / limit (≤ 1 passes; for a floor "more is better" it is limit / measured).
 */

export interface Sample {
	values: number[];
	/** Why there are fewer runs than asked (e.g. the first was far over its budget). */
	note?: string;
}

export const median = (xs: readonly number[]) => {
	if (!xs.length) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The value below which `p` (0–1) of `xs` fall (nearest rank). */
export const percentile = (xs: readonly number[], p: number) => {
	if (!xs.length) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};

const num = (x: number, unit: string) =>
	!Number.isFinite(x)
		? 'n/a'
		: unit === 'ms'
			? `${x.toFixed(x < 100 ? 1 : 0)}`
			: unit === 'KB' || unit === 'MB'
				? x.toFixed(1)
				: `${Math.round(x * 100) / 100}`;

/** "median unit (lo–hi, n=5)". */
export function spread(s: Sample, unit = 'ms'): string {
	const v = s.values;
	if (!v.length) return `n/a${s.note ? ` (${s.note})` : ''}`;
	const lo = Math.min(...v);
	const hi = Math.max(...v);
	return `${num(median(v), unit)} ${unit} (${num(lo, unit)}–${num(hi, unit)}, n=${v.length}${s.note ? `; ${s.note}` : ''})`;
}

/** One figure without a budget: `figure <name> <median> <unit> (spread)`. */
export function figure(name: string, s: Sample | number, unit = 'ms', note = ''): void {
	const sample = typeof s === 'number' ? { values: [s] } : s;
	const text = typeof s === 'number' ? `${num(s, unit)} ${unit}` : spread(sample, unit);
	console.log(`figure ${name} ${text}${note ? `  — ${note}` : ''}`);
}

export interface BudgetLine {
	name: string;
	measured: number;
	limit: number;
	pass: boolean;
}

const lines: BudgetLine[] = [];

/**
 * A budget: `measured` ≤ `limit` passes (or ≥ with `atLeast`). `detail` follows on the same line
 * after two spaces (the figure's spread, the floor it is a ratio of).
 */
export function budget(
	name: string,
	measured: number,
	limit: number,
	{ unit = 'ms', atLeast = false, detail = '' } = {}
): boolean {
	const pass = Number.isFinite(measured) && (atLeast ? measured >= limit : measured <= limit);
	const ratio = atLeast ? limit / measured : measured / limit;
	console.log(
		`budget ${name} ${num(measured, unit)} ${num(limit, unit)} ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'} ${pass ? 'pass' : 'FAIL'}${detail ? `  ${detail}` : ''}`
	);
	lines.push({ name, measured, limit, pass });
	return pass;
}

/** Every budget line printed so far. */
export const budgets = (): readonly BudgetLine[] => lines;
