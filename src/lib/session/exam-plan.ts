/**
 * The exam plan's card on `/`: each fact's predicted recall on the next exam's morning and the
 * report (srs/exam-plan.ts), computed after the day's counts are on screen, from the settings
 * and states they were counted from. The page imports this module only when an exam is set
 * (it loads the scheduler). Facts are predicted 10 ms at a time, each slice in a task of its
 * own, so that a year's collection (10 000 facts: about 1.6 s in all in Node on the dev
 * machine) never blocks the page's answer to a tap for long.
 */
import { examPredictAt, examReport, predictRecall, type ExamReport } from '$lib/srs/exam-plan';
import { memoryKey } from '$lib/srs/keys';
import type { Dashboard, DeckListing } from './dashboard';

/** A task predicts facts for at most this long (ms) before giving the page a turn. */
const SLICE_MS = 10;

export interface ExamPlanView extends ExamReport {
	/** Topic ids with their labels (from the decks' topics). */
	labels: ReadonlyMap<string, string>;
	/** Exam mode is on. */
	examMode: boolean;
}

export async function loadExamPlan(
	decks: ReadonlyArray<Pick<DeckListing, 'facts' | 'topics'>>,
	dash: Pick<Dashboard, 'settings' | 'states' | 'examMode'>,
	now = new Date()
): Promise<ExamPlanView | null> {
	const { settings, states } = dash;
	const at = examPredictAt(settings, now);
	if (!at) return null;
	const facts = decks.flatMap((d) =>
		d.facts.map((f) => ({ key: f.key ?? memoryKey(f.deck, f.fact), topics: f.topics }))
	);
	const recall = new Map<string, number>();
	let sliceStart = performance.now();
	for (const { key } of facts) {
		if (!recall.has(key)) recall.set(key, predictRecall(states.get(key), at));
		if (performance.now() - sliceStart > SLICE_MS) {
			await new Promise((resolve) => setTimeout(resolve, 0));
			sliceStart = performance.now();
		}
	}
	const report = examReport(facts, states, recall, settings, now);
	if (!report) return null;
	const labels = new Map<string, string>();
	for (const d of decks) for (const t of d.topics) if (!labels.has(t.id)) labels.set(t.id, t.label);
	return { ...report, labels, examMode: dash.examMode !== null };
}
