/**
 * Save text as a file through the browser's download. A CSV file starts with a UTF-8 byte-order
 * mark: without it Excel on Windows reads the file in the system's code page and shows dashes
 * and curly quotes as mojibake. (Deck imports accept CSV files with or without it.)
 */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
	const body = type === 'text/csv' ? `\uFEFF${text}` : text;
	downloadFile(filename, new Blob([body], { type }));
}

/** Save a file's bytes (made elsewhere, e.g. in a worker) through the browser's download. */
export function downloadFile(filename: string, file: Blob): void {
	const url = URL.createObjectURL(file);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
