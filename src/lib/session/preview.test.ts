import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Rating } from 'ts-fsrs';
import { builtinDecks } from '$lib/bank/builtin.server';
import { memoryKv } from '$lib/storage/kv';
import { Repository } from '$lib/storage/repository';
import { defaultSettings } from '$lib/srs/settings';
import { makeSettings } from '$lib/srs/test-helpers';
import { newLearnersFirstQuestion } from './first-question.server';
import {
	clearPreviewMark,
	markPreviewStale,
	noteWrite,
	previewFits,
	previewMark,
	PREVIEW_KEY,
	settlePreviewMark
} from './preview';
import { ReviewSession } from './review.svelte';
import { rightResponse } from './test-helpers';

let stored: Map<string, string>;
beforeEach(() => {
	stored = new Map();
	vi.stubGlobal('localStorage', {
		getItem: (k: string) => stored.get(k) ?? null,
		setItem: (k: string, v: string) => void stored.set(k, String(v)),
		removeItem: (k: string) => void stored.delete(k)
	});
});
afterEach(() => vi.unstubAllGlobals());

const study = new URL('https://app.example/study');

/** Study the built-in decks as the app does and answer the first question. */
async function answerFirst(repo: Repository) {
	const s = new ReviewSession(
		repo,
		builtinDecks.map(({ deck }) => deck)
	);
	await s.start();
	s.answer(rightResponse(s.current!.question));
	await s.rate(Rating.Good);
}

describe('whether /study may show its prerendered question', () => {
	test('yes on a browser that has stored nothing (no flag)', () => {
		expect(previewFits(study)).toBe(true);
	});

	test('not for a deck, a topic or a list of facts', () => {
		for (const q of ['?deck=india-us-2026-01', '?topic=Trade', '?facts=a/b'])
			expect(previewFits(new URL(q, study))).toBe(false);
	});

	test('not after a write to a store that decides the first question, until /study finds it first again', () => {
		for (const stores of [['states', 'log', 'meta'], ['settings'], ['decks'], ['log']] as const) {
			clearPreviewMark(previewMark());
			expect(previewFits(study)).toBe(true);
			noteWrite(stores);
			expect(previewFits(study), stores.join()).toBe(false);
		}
		clearPreviewMark(previewMark());
		expect(stored.has(PREVIEW_KEY)).toBe(false);
	});

	test('a write in another tab while /study read storage stands: its mark is not removed', () => {
		markPreviewStale();
		const seen = previewMark();
		// Another tab answers meanwhile: a mark of its own.
		markPreviewStale();
		expect(previewMark()).not.toBe(seen);
		clearPreviewMark(seen);
		expect(previewFits(study)).toBe(false);
		// And from nothing: a write after the read is not undone either.
		stored.clear();
		const none = previewMark();
		noteWrite(['states']);
		clearPreviewMark(none);
		expect(previewFits(study)).toBe(false);
	});

	test('writes of caches and mock tests leave it alone', () => {
		noteWrite(['meta']);
		noteWrite(['attempts']);
		noteWrite(['quarantine']);
		expect(previewFits(study)).toBe(true);
	});

	test('with storage refused, the rule is the one app.html applies: shown', () => {
		vi.stubGlobal('localStorage', {
			getItem: () => {
				throw new DOMException('refused', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('refused', 'SecurityError');
			},
			removeItem: () => {
				throw new DOMException('refused', 'SecurityError');
			}
		});
		expect(() => noteWrite(['states'])).not.toThrow();
		expect(previewFits(study)).toBe(true);
	});
});

describe('the repository reports its writes', () => {
	test('after each committed read-write transaction, with its stores; not reads, not failures', async () => {
		const writes: string[][] = [];
		const repo = await Repository.open(`preview-${Date.now()}`, {
			onWrite: (stores) => void writes.push([...stores])
		});
		// Opening writes the meta record only.
		expect(writes).toEqual([['meta']]);
		writes.length = 0;
		await repo.loadSettings();
		await repo.loadStates();
		expect(writes).toEqual([]);
		await repo.saveSettings(makeSettings({ timeZone: 'Asia/Kolkata' }));
		expect(writes).toEqual([['settings', 'meta']]);
		await expect(
			repo.kv.run(['settings'], 'readwrite', async () => {
				throw new Error('refused');
			})
		).rejects.toThrow('refused');
		expect(writes).toHaveLength(1);
		repo.kv.close();
	});

	test('an answer in the app rules the preview out for the next visit', async () => {
		const repo = await Repository.open(`preview-answer-${Date.now()}`, { onWrite: noteWrite });
		expect(previewFits(study)).toBe(true);
		await answerFirst(repo);
		expect(previewFits(study)).toBe(false);
		repo.kv.close();
	});
});

describe("/study's prerendered question", () => {
	test("is a new learner's first question whatever the day, hour and time zone", async () => {
		const decks = builtinDecks.map(({ deck }) => deck);
		const preview = await newLearnersFirstQuestion(decks);
		expect(preview).toBeTruthy();
		expect(preview!.question.facts).toContain(preview!.key.split('/')[1]);
		for (const zone of ['Asia/Kolkata', 'America/New_York', 'Pacific/Kiritimati', 'UTC'])
			for (const at of ['2026-01-13T00:30:00Z', '2026-07-01T12:00:00Z', '2027-03-28T23:59:00Z']) {
				const repo = new Repository(memoryKv());
				await repo.saveSettings(defaultSettings(zone));
				const s = new ReviewSession(repo, decks, { now: () => new Date(at) });
				await s.start();
				expect(s.current?.question.id, `${zone} ${at}`).toBe(preview!.question.id);
				expect(s.current?.entry.kind).toBe(preview!.kind);
				expect(s.remaining).toBe(preview!.remaining);
			}
	});
});

describe('after /study has read storage', () => {
	const prerendered = {
		key: 'd/f1',
		kind: 'new',
		question: { id: 'q1' },
		remaining: 20
	};
	const found = (over: object = {}) => ({
		current: { question: { id: 'q1' }, entry: { kind: 'new' } },
		remaining: 20,
		storedStates: 0,
		...over
	});

	test('the mark goes when nothing is stored and the prerendered question came first', () => {
		markPreviewStale();
		settlePreviewMark(previewMark(), prerendered, found());
		expect(previewFits(study)).toBe(true);
	});

	test('a mark is left when anything differs: stored states, another question, count or kind', () => {
		for (const over of [
			{ storedStates: 1 },
			{ remaining: 19 },
			{ current: { question: { id: 'q2' }, entry: { kind: 'new' } } },
			{ current: { question: { id: 'q1' }, entry: { kind: 'review' } } },
			{ current: null }
		]) {
			stored.clear();
			settlePreviewMark(null, prerendered, found(over));
			expect(previewFits(study), JSON.stringify(over)).toBe(false);
		}
	});
});

describe('opening storage in the app', () => {
	test('marks progress stored before the app kept marks (an update), and nothing else', async () => {
		vi.resetModules();
		const { repository } = await import('./storage.svelte');
		const repo = await repository();
		expect(previewMark()).toBeNull();
		await answerFirst(repo);
		repo.kv.close();
		// As an earlier version left it: progress, no mark.
		stored.clear();
		vi.resetModules();
		const again = await (await import('./storage.svelte')).repository();
		expect(previewMark()).not.toBeNull();
		again.kv.close();
	});
});
