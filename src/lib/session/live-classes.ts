/**
 * A teacher's live classes (the list on /classroom, as Kahoot's "Reports"): each class's code,
 * decks, date, answers and whether it is open or ended, from the server; its results as CSV;
 * deleting one a week after it began (the server's rule, docs/sync-server.md). The class's paper
 * is the `paper` document the projector wrote when it went live (its /present query).
 */
import * as z from 'zod/mini';
import type { Deck } from '$lib/bank/schema';
import { buildPaper, readTestLink } from '$lib/srs/exam';
import { collectAnswers, KEEP_FOR_MS, resultsCsv } from '$lib/srs/live-class';
import { resolvePaper } from './exam.svelte';
import { allDocs, deleteClass, getDoc, listClasses } from './live-server';
import { liveId, liveQuestion, stateOf } from './live.svelte';

const PaperDoc = z.object({ query: z.string().check(z.maxLength(4000)) });

export interface ClassRow {
	code: string;
	createdAt: Date;
	ended: boolean;
	/** The /present query of its paper, or null when the server has none. */
	query: string | null;
	/** Its decks' titles ("All decks" when it took every deck). */
	decks: string;
	answers: number;
	/** When the server lets it be deleted. */
	deletableFrom: Date;
}

/** The signed-in teacher's classes, newest first. */
export async function loadClasses(decks: readonly Deck[]): Promise<ClassRow[]> {
	const listed = await listClasses();
	return Promise.all(
		listed.map(async (c) => {
			const [paper, answers] = await Promise.all([
				getDoc(c.code, 'paper').catch(() => null),
				allDocs(c.code, { from: 'answer:', to: 'answer:\ufff0' }).catch(() => [])
			]);
			const parsed = PaperDoc.safeParse(paper);
			const query = parsed.success ? parsed.data.query : null;
			const ids = query ? readTestLink(new URLSearchParams(query), 'class').config.decks : [];
			const titles = ids.map((id) => decks.find((d) => d.id === id)?.title ?? id);
			return {
				code: c.code,
				createdAt: new Date(c.createdAt),
				ended: c.ended,
				query,
				decks: query ? titles.join(', ') || 'All decks' : 'Unknown',
				answers: answers.length,
				deletableFrom: new Date(c.createdAt + KEEP_FOR_MS)
			};
		})
	);
}

/** The results CSV of a class (as its projector exports it), graded by its paper. */
export async function classCsv(row: ClassRow, decks: readonly Deck[]): Promise<string> {
	const docs = (await allDocs(row.code)).map((r) => r.doc);
	const config = readTestLink(new URLSearchParams(row.query ?? ''), 'class').config;
	const items = buildPaper(decks, config);
	const questions = resolvePaper(decks, items);
	const state = docs.map(stateOf).find((s) => s !== undefined);
	const live = questions.map((p, i) =>
		liveQuestion(p.question, items[i], i, !!state?.revealed.includes(liveId(i)))
	);
	return resultsCsv(collectAnswers(docs).values(), live, config.marking);
}

export const removeClass = deleteClass;
