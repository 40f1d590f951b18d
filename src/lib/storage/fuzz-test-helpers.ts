/**
 * A seeded generator of broken files, for the fuzz test (session/fuzz.test.ts): a valid deck or
 * backup, mutated as a damaged download, a careless edit or a hostile hand would: truncated,
 * bytes flipped, keys deleted, values of another type or absurd, entries duplicated. The same
 * seed always gives the same file, so a failing case reproduces from its number.
 */

/** A small fast PRNG (mulberry32): the same seed, the same sequence. */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Rng = () => number;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

/** Values that break things: other types, absurd numbers, hostile or impossible strings. */
const ODD_VALUES: readonly Json[] = [
	null,
	true,
	0,
	-1,
	1.5,
	1e308,
	-1e308,
	2 ** 53 + 2,
	'',
	'x',
	'Mars/Olympus_Mons',
	'constructor',
	'__proto__',
	'toString',
	'2026-02-30T25:61:00Z',
	'9999-12-31T23:59:59.999Z',
	'<script>alert(1)</script>',
	'javascript:alert(1)',
	'a'.repeat(300),
	[],
	{},
	[null],
	{ constructor: 1 }
];

/** Every path into a JSON value (the root excluded). */
function paths(value: Json, at: Path = [], out: Path[] = []): Path[] {
	if (Array.isArray(value))
		value.forEach((v, i) => {
			out.push([...at, i]);
			paths(v, [...at, i], out);
		});
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) {
			out.push([...at, k]);
			paths(v, [...at, k], out);
		}
	return out;
}

function parentOf(
	root: Json,
	path: Path
): { parent: Json[] | Record<string, Json>; key: string | number } {
	let node = root as Json[] | Record<string, Json>;
	for (const k of path.slice(0, -1)) node = (node as Record<string, Json>)[k] as typeof node;
	return { parent: node, key: path[path.length - 1] };
}

const show = (path: Path) =>
	path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('') || '(root)';

/** Values of the same type that validation may let through: plausible, but not the truth. */
function plausible(value: Json, rng: Rng): Json {
	if (typeof value === 'number')
		return pick(rng, [0, 1, 2, 3, 4, 0.5, 36500, 1e308, value + 1, value * 1000]);
	if (typeof value === 'boolean') return !value;
	if (typeof value === 'string')
		return pick(rng, [
			'2026-03-01T00:00:00.000Z',
			'2030-01-01T00:00:00.000Z',
			'1970-01-01T00:00:00.000Z',
			'Asia/Kolkata',
			'Pacific/Kiritimati',
			'mcq',
			'review',
			'suspend',
			`${value}-2`
		]);
	return value;
}

/** One structural change to `root` (in place); returns what it did. */
function mutateOnce(root: Json, rng: Rng): string {
	// A part of the file first (settings, the log, the decks...), then a place in it: the
	// biggest part (a deck's questions) would otherwise take nearly every change.
	const parts = new Map<string | number, Path[]>();
	for (const p of paths(root)) parts.set(p[0], [...(parts.get(p[0]) ?? []), p]);
	if (!parts.size) return 'nothing to change';
	const all = pick(rng, [...parts.values()]);
	const kind = Math.floor(rng() * 6);
	// Half of the changes hit a whole entry of a list (a state, a log entry, a deck's question).
	const entries = all.filter((p) => typeof p[p.length - 1] === 'number');
	const path = kind >= 4 && entries.length ? pick(rng, entries) : pick(rng, all);
	const { parent, key } = parentOf(root, path);
	if (kind === 0 || kind === 4) {
		// Delete the key, or the entry of a list.
		if (Array.isArray(parent)) parent.splice(key as number, 1);
		else delete parent[key as string];
		return `delete ${show(path)}`;
	}
	if (kind === 1 || kind === 5) {
		// Duplicate an entry of a list: the deepest one on the path.
		for (let n = path.length; n > 0; n--) {
			const entry = path.slice(0, n);
			const { parent: list, key: index } = parentOf(root, entry);
			if (!Array.isArray(list)) continue;
			const copy = structuredClone(list[index as number]);
			list.splice(Math.floor(rng() * (list.length + 1)), 0, copy);
			return `duplicate ${show(entry)}`;
		}
	}
	if (kind === 2 && !Array.isArray(parent) && rng() < 0.3) {
		// Rename a key to a hostile one.
		const to = pick(rng, ['constructor', '__proto__', 'toString', 'extra', '']);
		const v = parent[key as string];
		delete parent[key as string];
		Object.defineProperty(parent, to, {
			value: v,
			enumerable: true,
			writable: true,
			configurable: true
		});
		return `rename ${show(path)} to "${to}"`;
	}
	const old = (parent as Record<string, Json>)[key as string];
	const value = kind === 2 ? plausible(old, rng) : structuredClone(pick(rng, ODD_VALUES));
	(parent as Record<string, Json>)[key as string] = value;
	return `set ${show(path)} = ${JSON.stringify(value).slice(0, 40)}`;
}

/** A change to the text itself: truncated, or characters flipped. */
function mutateText(text: string, rng: Rng): { text: string; what: string } {
	if (rng() < 0.5) {
		const at = Math.floor(rng() * text.length);
		return { text: text.slice(0, at), what: `truncate at ${at}` };
	}
	const chars = [...text];
	const n = 1 + Math.floor(rng() * 4);
	const where: number[] = [];
	for (let i = 0; i < n; i++) {
		const at = Math.floor(rng() * chars.length);
		chars[at] = String.fromCharCode(chars[at].charCodeAt(0) ^ (1 << Math.floor(rng() * 7)));
		where.push(at);
	}
	return { text: chars.join(''), what: `flip characters at ${where.join(', ')}` };
}

/**
 * A mutated copy of a JSON file (a backup or a deck): one to three structural changes, and
 * sometimes a change to the text. `what` lists the changes, for the failure's message.
 */
export function mutateJson(value: unknown, seed: number): { text: string; what: string } {
	const rng = seeded(seed);
	const root = structuredClone(value) as Json;
	const changes: string[] = [];
	const n = 1 + Math.floor(rng() * 3);
	for (let i = 0; i < n; i++) changes.push(mutateOnce(root, rng));
	let text = JSON.stringify(root);
	if (rng() < 0.25) {
		const t = mutateText(text, rng);
		text = t.text;
		changes.push(t.what);
	}
	return { text, what: changes.join('; ') };
}

/** A mutated copy of a CSV file: rows deleted or duplicated, cells emptied, text damaged. */
export function mutateCsv(text: string, seed: number): { text: string; what: string } {
	const rng = seeded(seed);
	const rows = text.split('\n');
	const changes: string[] = [];
	const n = 1 + Math.floor(rng() * 3);
	for (let i = 0; i < n; i++) {
		const at = Math.floor(rng() * rows.length);
		const kind = Math.floor(rng() * 3);
		if (kind === 0) {
			rows.splice(at, 1);
			changes.push(`delete row ${at + 1}`);
		} else if (kind === 1) {
			rows.splice(Math.floor(rng() * rows.length), 0, rows[at]);
			changes.push(`duplicate row ${at + 1}`);
		} else {
			const cells = rows[at].split(',');
			const c = Math.floor(rng() * cells.length);
			cells[c] = String(pick(rng, ODD_VALUES) ?? '');
			rows[at] = cells.join(',');
			changes.push(`row ${at + 1} cell ${c + 1} changed`);
		}
	}
	let out = rows.join('\n');
	if (rng() < 0.3) {
		const t = mutateText(out, rng);
		out = t.text;
		changes.push(t.what);
	}
	return { text: out, what: changes.join('; ') };
}
