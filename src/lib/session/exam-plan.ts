/**
 * The exam plan's card on `/`: each fact's predicted recall on the next exam's morning and the
 * report (srs/exam-plan.ts), computed after the day's counts are on screen, from the settings
 * and states they were counted from. The page imports this module only when an exam is set
 * (it loads the scheduler). Facts are predicted a slice at a time, each slice in a task of its
 * own, so that a year's collection never blocks the page's answer to a tap for long.
 */
import { examPredictAt, examReport, predictRecall, type ExamReport } from '$lib/srs/exam-plan';
import { memoryKey } from '$lib/srs/keys';
import type { Dashboard, DeckListing } from './dashboard';

/** Facts predicted per task. */
const SLICE = 250;

export interface ExamPlanView extends ExamReport {
	/** Topic ids with their labels (from the decks' topics). */
	labels: ReadonlyMap<string, string>;
	/** Exam mode is on. */
	examMode: boolean;
}

export async function loadExamPlan(
	decks: readonly DeckListing[],
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
	for (let i = 0; i < facts.length; i++) {
		const { key } = facts[i];
		if (!recall.has(key)) recall.set(key, predictRecall(states.get(key), at));
		if (i % SLICE === SLICE - 1) await new Promise((resolve) => setTimeout(resolve, 0));
	}
	const report = examReport(facts, states, recall, settings, now);
	if (!report) return null;
	const labels = new Map<string, string>();
	for (const d of decks) for (const t of d.topics) if (!labels.has(t.id)) labels.set(t.id, t.label);
	return { ...report, labels, examMode: dash.examMode !== null };
}
