import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';

// Each test starts the script in its own tsx process: seconds each on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

/** Run `npm run validate`'s script on a questions folder of our own. */
function runValidate(dir: string) {
	const r = spawnSync('node_modules/.bin/tsx', ['scripts/validate.ts', dir], { encoding: 'utf8' });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

function bankWith(deck: unknown, source = 'The whole source text.'): string {
	const dir = mkdtempSync(join(tmpdir(), 'bank-'));
	mkdirSync(join(dir, 'x'));
	writeFileSync(
		join(dir, 'x', 'deck.json'),
		typeof deck === 'string' ? deck : JSON.stringify(deck)
	);
	writeFileSync(join(dir, 'x', 'source.txt'), source);
	return dir;
}

test('the shipped bank validates and its counts are printed', () => {
	const { code, out } = runValidate('questions');
	expect(code).toBe(0);
	expect(out).toMatch(
		/india-us-2026-01\/deck\.json: \d+ facts .*\d+ questions \(flashcard \d+, mcq \d+/
	);
	expect(out).toMatch(/(\d+) of \1 facts tested twice or more/);
});

test('a deck file that is not JSON fails with the parser message and exit code 1', () => {
	const { code, err } = runValidate(bankWith('{"id": "x",'));
	expect(code).toBe(1);
	expect(err).toMatch(/x\/deck\.json: not valid JSON: /);
});

test('a broken deck prints one line per problem and exits 1', () => {
	const deck = JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'));
	const source = readFileSync('questions/india-us-2026-01/source.txt', 'utf8');
	const mcq = deck.questions.find((q: { type: string }) => q.type === 'mcq');
	mcq.options[1] = mcq.options[0];
	deck.facts[0].quote = 'A sentence the article never wrote.';
	const { code, err } = runValidate(bankWith(deck, source));
	expect(code).toBe(1);
	expect(err).toContain(`x/deck.json: question "${mcq.id}": options[1] repeats options[0]`);
	expect(err).toContain(`x/deck.json: fact "${deck.facts[0].id}": quote does not occur verbatim`);
	expect(err).toMatch(/2 problem\(s\) found\./);
});

test('a source file missing beside the deck is reported', () => {
	const deck = JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'));
	deck.source.file = 'missing.txt';
	const { code, err } = runValidate(bankWith(deck));
	expect(code).toBe(1);
	expect(err).toContain('x/deck.json: source.file "missing.txt" does not exist beside the deck');
});

test('lint errors fail the run naming the deck, the item and the field', () => {
	const deck = JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'));
	const source = readFileSync('questions/india-us-2026-01/source.txt', 'utf8');
	const tf = deck.questions.find((q: { type: string }) => q.type === 'true_false');
	tf.statement = 'The summit was confirmed for next month.';
	const { code, err } = runValidate(bankWith(deck, source));
	expect(code).toBe(1);
	expect(err).toContain(
		`x/deck.json: error: question "${tf.id}": statement says "next month" without an absolute date`
	);
	expect(err).toMatch(/1 problem\(s\) found\./);
});

test('lint warnings are printed with a summary and do not fail the run', () => {
	const deck = JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'));
	const source = readFileSync('questions/india-us-2026-01/source.txt', 'utf8');
	const mcq = deck.questions.find((q: { type: string }) => q.type === 'mcq');
	mcq.options[mcq.answer] =
		`${mcq.options[mcq.answer]}, ${'as the article says at length '.repeat(6)}`;
	const { code, err, out } = runValidate(bankWith(deck, source));
	expect(code).toBe(0);
	expect(err).toContain(
		`x/deck.json: warning: question "${mcq.id}": options[${mcq.answer}] is the key`
	);
	expect(err).toMatch(/x\/deck\.json: 1 lint warning\(s\) \(key-length 1\); possible give-aways: /);
	expect(out).toContain('1 deck(s) valid.');
});
