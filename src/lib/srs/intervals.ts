import type { Grade } from 'ts-fsrs';
import { Rating } from './fsrs-enums';

/** The length of an interval as the rating buttons show it: "1m", "10m", "3h", "4d", "2.5mo", "1.2y". */
export function intervalLabel(ms: number): string {
	const min = ms / 60_000;
	if (min < 60) return `${Math.max(1, Math.round(min))}m`;
	const h = min / 60;
	if (h < 24) return `${Math.round(h)}h`;
	const d = h / 24;
	if (d < 30) return `${Math.round(d)}d`;
	if (d < 365) return `${(d / 30).toFixed(1).replace(/\.0$/, '')}mo`;
	return `${(d / 365).toFixed(1).replace(/\.0$/, '')}y`;
}

/** The same, spelled out for screen readers: "10 minutes", "4 days". */
export function intervalWords(ms: number): string {
	const label = intervalLabel(ms);
	const [, n, unit] = label.match(/^([\d.]+)(m|h|d|mo|y)$/)!;
	const words = { m: 'minute', h: 'hour', d: 'day', mo: 'month', y: 'year' } as const;
	return `${n} ${words[unit as keyof typeof words]}${n === '1' ? '' : 's'}`;
}

/** The four ratings, in the order of the buttons. */
export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];
export const GRADE_NAMES: Record<Grade, string> = {
	[Rating.Again]: 'Again',
	[Rating.Hard]: 'Hard',
	[Rating.Good]: 'Good',
	[Rating.Easy]: 'Easy'
};

/** What each rating's button says: the interval until the card it gives is due. */
export function intervalTexts(
	cards: Record<Grade, { due: Date }>,
	now: Date
): Record<Grade, { label: string; words: string }> {
	const out = {} as Record<Grade, { label: string; words: string }>;
	for (const g of GRADES) {
		const ms = cards[g].due.getTime() - now.getTime();
		out[g] = { label: intervalLabel(ms), words: intervalWords(ms) };
	}
	return out;
}
