/**
 * Opening an article file in the editor: .txt and .md through the bank (bank/draft/article.ts),
 * .html through the browser's own parser, `DOMParser`, whose documents are inert (no script
 * runs, nothing loads) and are never shown: only their text is kept (bank/draft/html.ts walks
 * them). The size limit is checked on the text the file gives.
 */
import {
	articleFileKind,
	articleFromText,
	articleTooLong,
	htmlToText,
	notAnArticleFile
} from '$lib/bank/draft';

export interface ArticleFile {
	name: string;
	text: string;
}

export type ArticleRead =
	| {
			ok: true;
			/** The article's text (article.ts form: paragraphs separated by a blank line). */
			text: string;
			/** The page's title, when an .html file has one: a suggestion for the article's title. */
			title?: string;
	  }
	| { ok: false; message: string };

/** An .html page's text and title, parsed inert. */
export function htmlArticle(html: string): { text: string; title: string } {
	const doc = new DOMParser().parseFromString(html, 'text/html');
	return {
		text: htmlToText(doc.body ?? doc),
		title: (doc.title ?? '').replace(/\s+/g, ' ').trim()
	};
}

/** Read an opened file as an article, or say why it cannot be one. */
export function readArticleFile(file: ArticleFile): ArticleRead {
	const kind = articleFileKind(file.name);
	if (!kind) return { ok: false, message: notAnArticleFile(file.name) };
	const read =
		kind === 'html'
			? htmlArticle(file.text)
			: { text: articleFromText(kind, file.text), title: undefined };
	if (!read.text) return { ok: false, message: `${file.name}: the file holds no text to quote` };
	const tooLong = articleTooLong(read.text);
	if (tooLong) return { ok: false, message: `${file.name}: ${tooLong}` };
	return read.title
		? { ok: true, text: read.text, title: read.title }
		: { ok: true, text: read.text };
}
