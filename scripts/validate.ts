/**
 * `npm run validate`: parse every deck in questions/ and check what the schema cannot, then lint
 * it (src/lib/bank/lint.ts). Prints one line per problem or lint error (file, item, field) and
 * exits 1; lint warnings are printed with a summary and do not fail the run.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { validateDeck } from '../src/lib/bank/validate';
import { summarise } from '../src/lib/bank/summary';
import { formatFinding, lintDeck, summariseLint } from '../src/lib/bank/lint';

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
	const findings = lintDeck(result.deck);
	const errors = findings.filter((f) => f.severity === 'error');
	const warnings = findings.filter((f) => f.severity === 'warning');
	for (const w of warnings) console.warn(`${name}: ${formatFinding(w, result.deck)}`);
	if (warnings.length) {
		const { byRule, giveaways } = summariseLint(warnings, result.deck);
		const rules = Object.entries(byRule)
			.map(([rule, n]) => `${rule} ${n}`)
			.join(', ');
		console.warn(
			`${name}: ${warnings.length} lint warning(s) (${rules})` +
				(giveaways.length ? `; possible give-aways: ${giveaways.join(', ')}` : '')
		);
	}
	if (errors.length) return errors.map((e) => `${name}: ${formatFinding(e, result.deck)}`);
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
