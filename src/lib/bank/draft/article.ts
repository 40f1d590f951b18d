/**
 * The article of a deck being written: plain text, one paragraph per block, blocks separated by
 * one blank line ("\n\n"), so a fact's quote is a range of it and the reading view can lay it
 * out paragraph by paragraph. Text pasted or read from a file is brought to that form here
 * (pure); an .html file is first reduced to its blocks' text by html.ts. Nothing in an article
 * is ever markup: text that looks like a tag stays text.
 */

/** The largest article a deck may quote: 200 KB of UTF-8 text (a long-read is about 60 KB). */
export const ARTICLE_LIMIT_BYTES = 200 * 1024;

const KB = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** The article's size in bytes, as UTF-8 (what the limit counts). */
export function articleBytes(text: string): number {
	return new TextEncoder().encode(text).length;
}

/** Why `text` is too long to be an article, or null when it fits. */
export function articleTooLong(text: string): string | null {
	// Each UTF-16 unit is at most 3 bytes: most articles need no encoding to know they fit.
	if (text.length * 3 <= ARTICLE_LIMIT_BYTES) return null;
	const bytes = articleBytes(text);
	if (bytes <= ARTICLE_LIMIT_BYTES) return null;
	return `The article is ${KB(bytes)}; an article may be at most ${KB(ARTICLE_LIMIT_BYTES)}. Shorten it, or split it into two decks.`;
}

/**
 * Text into the article's form: each line a paragraph (text copied from a web page or typed has
 * a line break where a paragraph ends, with or without a blank line), spaces at its ends and
 * blank lines dropped, and paragraphs separated by one blank line. A no-break space is a space.
 */
export function normaliseArticle(text: string): string {
	return text
		.replace(/\r\n?|[\u2028\u2029]/g, '\n')
		.replace(/\u00a0/g, ' ')
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.join('\n\n');
}

/** Where each paragraph of an article (normalised) starts and ends. */
export function paragraphRanges(text: string): Array<{ start: number; end: number }> {
	const out: Array<{ start: number; end: number }> = [];
	// Any line break ends a paragraph (an article's are "\n\n"; a deck's source may have single ones).
	const gap = /\s*\n\s*/g;
	let start = 0;
	for (let m = gap.exec(text); m; m = gap.exec(text)) {
		out.push({ start, end: m.index });
		start = m.index + m[0].length;
	}
	if (start < text.length || !out.length) out.push({ start, end: text.length });
	return out;
}

/** The kind of article file a name is, from its extension, or null for one the editor cannot open. */
export function articleFileKind(name: string): 'txt' | 'md' | 'html' | null {
	const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
	if (ext === 'txt' || ext === 'text') return 'txt';
	if (ext === 'md' || ext === 'markdown') return 'md';
	if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
	return null;
}

/** The message for a file the editor cannot open as an article. */
export const notAnArticleFile = (name: string) =>
	`${name}: not an article file (open a .txt, .md or .html file, or paste the text)`;

/**
 * Markdown as plain text paragraphs: headings, list items, quotes and table rows become
 * paragraphs; emphasis, inline code and links keep their text (an image its alt text); link
 * definitions, rules and HTML comments go. Tags written in it stay as they are, as text.
 */
export function markdownToText(md: string): string {
	const lines = md.replace(/\r\n?/g, '\n').split('\n');
	const out: string[] = [];
	// Consecutive plain lines are one paragraph, as Markdown reads them.
	let para: string[] = [];
	const flush = () => {
		if (para.length) out.push(para.join(' '));
		para = [];
	};
	const block = (text: string) => {
		flush();
		out.push(text);
	};
	let fence: string | null = null;
	let i = 0;
	// Front matter (--- … --- at the very start) is metadata, not the article.
	if (lines[0]?.trim() === '---') {
		const end = lines.findIndex((l, n) => n > 0 && /^(---|\.\.\.)\s*$/.test(l));
		if (end > 0) i = end + 1;
	}
	for (; i < lines.length; i++) {
		const line = lines[i];
		const fenceMark = /^\s*(```|~~~)/.exec(line);
		if (fenceMark) {
			flush();
			if (fence === null) fence = fenceMark[1];
			else if (fenceMark[1] === fence) fence = null;
			continue;
		}
		if (fence !== null) {
			block(line);
			continue;
		}
		// A setext heading's underline, a rule, a link definition: nothing to read.
		if (
			!line.trim() ||
			/^\s*(=+|-{3,}|\*{3,}|_{3,})\s*$/.test(line) ||
			/^\s{0,3}\[[^\]]+\]:\s*\S/.test(line)
		) {
			flush();
			continue;
		}
		const marked =
			/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line) ?? // heading
			/^\s*(?:>\s?)+(.*)$/.exec(line) ?? // quote
			/^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line); // list item
		if (marked) block(inline(marked[1]));
		else if (/^\s*\|.*\|\s*$/.test(line)) {
			if (!/^\s*\|[\s:|-]+\|\s*$/.test(line))
				block(
					inline(
						line
							.trim()
							.slice(1, -1)
							.split('|')
							.map((c) => c.trim())
							.join(' — ')
					)
				);
		} else para.push(inline(line.trim()));
	}
	flush();
	return normaliseArticle(out.join('\n').replace(/<!--[\s\S]*?-->/g, ''));
}

/** Markdown's inline marks reduced to their text. */
function inline(text: string): string {
	return text
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // image: its alt text
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // link: its text
		.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference link
		.replace(/<(https?:\/\/[^>\s]+)>/g, '$1') // autolink
		.replace(/`([^`]+)`/g, '$1')
		.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
		.replace(/(^|[^\w*])(\*|_)(?=\S)([^*_]*?\S)\2(?![\w*])/g, '$1$3')
		.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
		.replace(/ {2,}$/, '')
		.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

/** A .txt or .md file's text as an article (an .html file: session/write-html.ts). */
export function articleFromText(kind: 'txt' | 'md', text: string): string {
	const body = text.replace(/^\uFEFF/, '');
	return kind === 'md' ? markdownToText(body) : normaliseArticle(body);
}
