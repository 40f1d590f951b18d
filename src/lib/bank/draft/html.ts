/**
 * An HTML page reduced to its article's text: the walk over the parsed page, pure. The parsing is
 * the browser's (session/write-html.ts uses DOMParser, whose documents run no script and load
 * nothing); this module sees only nodes, through the few DOM fields it reads, so it is tested
 * without a DOM. Block elements become paragraphs; scripts, styles, navigation, forms and the
 * like are dropped; nothing is kept as markup.
 */
import { normaliseArticle } from './article';

/** The part of a DOM node the walk reads (a DOM `Node` is one). */
export interface HtmlNode {
	/** 1: an element, 3: text (4: CDATA, read as text); any other kind is skipped. */
	nodeType: number;
	/** The tag's name (upper case for HTML elements, as the DOM gives it). */
	nodeName: string;
	nodeValue: string | null;
	childNodes: ArrayLike<HtmlNode>;
	/** An element's attribute (elements only). */
	getAttribute?(name: string): string | null;
}

/** Elements whose content is not the article's text. */
const DROPPED = new Set([
	'HEAD',
	'TITLE',
	'SCRIPT',
	'STYLE',
	'NOSCRIPT',
	'TEMPLATE',
	'NAV',
	'HEADER',
	'FOOTER',
	'ASIDE',
	'FORM',
	'BUTTON',
	'SELECT',
	'TEXTAREA',
	'INPUT',
	'IFRAME',
	'OBJECT',
	'EMBED',
	'SVG',
	'MATH',
	'CANVAS',
	'VIDEO',
	'AUDIO',
	'PICTURE',
	'IMG',
	'MENU',
	'DIALOG'
]);

/** Elements that make a paragraph of their own (their text is not run into the next). */
const BLOCKS = new Set([
	'ADDRESS',
	'ARTICLE',
	'BLOCKQUOTE',
	'BODY',
	'BR',
	'DD',
	'DETAILS',
	'DIV',
	'DL',
	'DT',
	'FIGCAPTION',
	'FIGURE',
	'H1',
	'H2',
	'H3',
	'H4',
	'H5',
	'H6',
	'HR',
	'LI',
	'MAIN',
	'OL',
	'P',
	'PRE',
	'SECTION',
	'SUMMARY',
	'TABLE',
	'TBODY',
	'THEAD',
	'TFOOT',
	'TR',
	'UL'
]);

const name = (n: HtmlNode) => n.nodeName.toUpperCase();

const hidden = (n: HtmlNode) =>
	n.getAttribute?.('hidden') != null || n.getAttribute?.('aria-hidden') === 'true';

/** The first element named one of `names`, depth first, outside dropped elements. */
function find(node: HtmlNode, names: readonly string[]): HtmlNode | null {
	for (const child of Array.from(node.childNodes)) {
		if (child.nodeType !== 1 || DROPPED.has(name(child))) continue;
		if (names.includes(name(child))) return child;
		const found = find(child, names);
		if (found) return found;
	}
	return null;
}

/**
 * The article's text of a parsed page (its body, or the document): the page's `<article>` or
 * `<main>` when it has one, else all of it; each block a paragraph, whitespace as a browser
 * shows it (runs of it one space; line breaks kept only inside `<pre>`).
 */
export function htmlToText(root: HtmlNode): string {
	const start = find(root, ['ARTICLE']) ?? find(root, ['MAIN']) ?? root;
	const paragraphs: string[] = [];
	let current = '';
	const flush = () => {
		const text = current.replace(/\s+/g, ' ').trim();
		if (text) paragraphs.push(text);
		current = '';
	};
	const walk = (node: HtmlNode, pre: boolean) => {
		if (node.nodeType === 3 || node.nodeType === 4) {
			const text = node.nodeValue ?? '';
			if (!pre) current += text;
			else {
				const [first, ...rest] = text.split('\n');
				current += first;
				for (const line of rest) {
					flush();
					current = line;
				}
			}
			return;
		}
		if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
		const tag = name(node);
		if (node.nodeType === 1 && (DROPPED.has(tag) || hidden(node))) return;
		const block = BLOCKS.has(tag);
		if (block) flush();
		// Cells of a row are read as one line, separated.
		if ((tag === 'TD' || tag === 'TH') && current.trim()) current += ' — ';
		for (const child of Array.from(node.childNodes)) walk(child, pre || tag === 'PRE');
		if (block) flush();
	};
	walk(start, false);
	flush();
	return normaliseArticle(paragraphs.join('\n\n'));
}
