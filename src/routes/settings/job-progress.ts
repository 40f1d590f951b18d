/**
 * One bar for a job of several phases (see $lib/session/jobs.ts): each phase fills its share
 * of the bar, so that the bar only moves forward, and the words say which step is running.
 */
import type { OnProgress } from '$lib/session/backup';

type Phase = Parameters<OnProgress>[2];

export interface JobState {
	/** What the job is ("Restoring the backup"). */
	title: string;
	/** The step running, in words ("writing your progress"). */
	step: string;
	/** How far, from 0 to 1. */
	value: number;
}

const STEPS: Record<Phase, string> = {
	reading: 'reading the file',
	checking: 'checking every record',
	replaying: 'working out each fact’s schedule from your answers',
	writing: 'saving',
	gathering: 'reading your progress',
	encoding: 'writing the file'
};

/**
 * Progress reports of a job whose phases take the shares `weights` of the bar (in order),
 * turned into the bar's state, passed to `show` as it changes.
 */
export function tracker(
	title: string,
	weights: Partial<Record<Phase, number>>,
	show: (job: JobState) => void
): OnProgress {
	const phases = Object.keys(weights) as Phase[];
	const sum = phases.reduce((s, p) => s + (weights[p] ?? 0), 0);
	let last = -1;
	return (done, total, phase) => {
		const i = phases.indexOf(phase);
		const before = phases.slice(0, Math.max(0, i)).reduce((s, p) => s + (weights[p] ?? 0), 0);
		const value = (before + (weights[phase] ?? 0) * (total ? done / total : 1)) / sum;
		// Never backwards (a phase told again, or one that was not expected).
		if (value < last) return;
		last = value;
		show({ title, step: STEPS[phase], value });
	};
}
