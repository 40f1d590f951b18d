/**
 * `npm run validate`: parse every deck in questions/ and check what the schema cannot.
 * Prints one line per problem (file, item, field) and exits 1, or prints the counts.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { validateDeck } from '../src/lib/bank/validate';
import { summarise } from '../src/lib/bank/summary';

const root = process.cwd();
// The bank's folder; tests pass another one.
const questionsDir =
	process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '..', 'questions');

function readDeck(dir: string): string[] {
	const file = join(dir, 'deck.json');
	const name = relative(root, file);
	if (!existsSync(file)) return [`${relative(root, dir)}: no deck.json in this deck folder`];
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		return [`${name}: not valid JSON: ${(e as Error).message}`];
	}
	const sourceFile = (raw as { source?: { file?: unknown } })?.source?.file;
	let sourceText = '';
	if (typeof sourceFile === 'string' && /^[\w.-]+\.txt$/.test(sourceFile)) {
		const path = join(dir, sourceFile);
		if (!existsSync(path))
			return [`${name}: source.file "${sourceFile}" does not exist beside the deck`];
		sourceText = readFileSync(path, 'utf8');
	}
	const result = validateDeck(raw, sourceText, name);
	if (!result.ok) return result.problems;
	const s = summarise(result.deck);
	const types = Object.entries(s.perType)
		.map(([t, n]) => `${t} ${n}`)
		.join(', ');
	console.log(
		`${name}: ${s.facts} facts (${s.volatileFacts} volatile), ${s.questions} questions (${types}); ` +
			`${s.factsTestedTwice} of ${s.facts} facts tested twice or more`
	);
	return [];
}

const dirs = readdirSync(questionsDir, { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.map((d) => join(questionsDir, d.name));
const problems = dirs.flatMap(readDeck);
if (dirs.length === 0) problems.push(`${relative(root, questionsDir)}: no deck folders found`);
for (const p of problems) console.error(p);
if (problems.length) {
	console.error(`${problems.length} problem(s) found.`);
	process.exit(1);
}
console.log(`${dirs.length} deck(s) valid.`);
