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
