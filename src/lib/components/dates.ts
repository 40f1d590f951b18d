const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/**
 * "13 January 2026" from an ISO date, independent of the reader's time zone. Spelled out here
 * rather than by Intl: a page's first Intl call costs tens of milliseconds on a phone (loading
 * its locale data), and the deck list shows these dates as it starts.
 */
export function formatDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "March 2026" from "2026-03" (or a full ISO date), spelled out like `formatDate`. */
export function formatMonth(iso: string): string {
	const [y, m] = iso.split('-').map(Number);
	return `${MONTHS[m - 1]} ${y}`;
}
