import { describe, expect, test } from 'vitest';
import {
	ARTICLE_LIMIT_BYTES,
	articleFileKind,
	articleFromText,
	articleTooLong,
	markdownToText,
	normaliseArticle,
	paragraphRanges
} from './article';
import { htmlToText, type HtmlNode } from './html';

describe('normaliseArticle', () => {
	test('each line a paragraph, one blank line between, ends trimmed', () => {
		const pasted = '  Title line \r\nFirst paragraph.\r\n\r\n\r\nSecond\u00a0one.  \n\n';
		expect(normaliseArticle(pasted)).toBe('Title line\n\nFirst paragraph.\n\nSecond one.');
	});

	test('markup pasted as text stays text', () => {
		const text = '<script>alert(1)</script>\n<b>bold</b> & more';
		expect(normaliseArticle(text)).toBe('<script>alert(1)</script>\n\n<b>bold</b> & more');
	});

	test('paragraph ranges cover each paragraph exactly', () => {
		const text = normaliseArticle('One.\nTwo two.\n\nThree.');
		expect(paragraphRanges(text).map((r) => text.slice(r.start, r.end))).toEqual([
			'One.',
			'Two two.',
			'Three.'
		]);
		expect(paragraphRanges('')).toEqual([{ start: 0, end: 0 }]);
	});
});

describe('the size limit', () => {
	test('refuses an article over 200 KB, naming the limit; one at the limit fits', () => {
		expect(articleTooLong('a'.repeat(ARTICLE_LIMIT_BYTES))).toBeNull();
		const message = articleTooLong('a'.repeat(ARTICLE_LIMIT_BYTES + 1));
		expect(message).toMatch(/at most 200 KB/);
		expect(message).toMatch(/The article is 201 KB/);
	});

	test('counts UTF-8 bytes, not characters', () => {
		// 'अ' is 3 bytes in UTF-8.
		const devanagari = 'अ'.repeat(Math.floor(ARTICLE_LIMIT_BYTES / 3) + 1);
		expect(devanagari.length).toBeLessThan(ARTICLE_LIMIT_BYTES);
		expect(articleTooLong(devanagari)).toMatch(/200 KB/);
	});
});

describe('files', () => {
	test('kinds by extension', () => {
		expect(articleFileKind('a.TXT')).toBe('txt');
		expect(articleFileKind('notes.md')).toBe('md');
		expect(articleFileKind('page.htm')).toBe('html');
		expect(articleFileKind('deck.json')).toBeNull();
	});

	test('a .txt file: byte-order mark dropped, lines kept as paragraphs', () => {
		expect(articleFromText('txt', '\uFEFFHello.\r\nWorld.')).toBe('Hello.\n\nWorld.');
	});

	test('markdown reduced to plain text paragraphs', () => {
		const md = [
			'---',
			'title: front matter',
			'---',
			'# The **headline**',
			'',
			'A paragraph with *emphasis*, __strong__, `code` and a [link](https://x.test/a).',
			'It wraps onto a second line.',
			'',
			'- first item',
			'2. second item',
			'> a quoted line',
			'',
			'Setext heading',
			'---',
			'![chart](c.png) snake_case_name stays',
			'[ref]: https://x.test',
			'```',
			'code line',
			'```',
			'<b>tags stay text</b>'
		].join('\n');
		expect(markdownToText(md).split('\n\n')).toEqual([
			'The headline',
			'A paragraph with emphasis, strong, code and a link. It wraps onto a second line.',
			'first item',
			'second item',
			'a quoted line',
			'Setext heading',
			'chart snake_case_name stays',
			'code line',
			'<b>tags stay text</b>'
		]);
	});
});

/** A minimal DOM: elements and text nodes with what the walk reads. */
const el = (
	name: string,
	attrs: Record<string, string>,
	...children: (HtmlNode | string)[]
): HtmlNode => ({
	nodeType: 1,
	nodeName: name.toUpperCase(),
	nodeValue: null,
	childNodes: children.map((c) =>
		typeof c === 'string' ? { nodeType: 3, nodeName: '#text', nodeValue: c, childNodes: [] } : c
	),
	getAttribute: (n) => attrs[n] ?? null
});

describe('htmlToText', () => {
	test('block elements are paragraphs; scripts, styles, navigation and hidden parts go', () => {
		const body = el(
			'body',
			{},
			el('nav', {}, 'Home | World'),
			el('script', {}, 'alert("ran")'),
			el('style', {}, 'p { color: red }'),
			el('h1', {}, 'The  headline'),
			el('p', {}, 'First ', el('b', {}, 'bold'), ' and\n  wrapped text.'),
			el('div', { hidden: '' }, 'hidden'),
			el('p', {}, 'Line one', el('br', {}), 'Line two'),
			el('ul', {}, el('li', {}, 'item one'), el('li', {}, 'item two')),
			el('table', {}, el('tr', {}, el('td', {}, 'cell a'), el('td', {}, 'cell b'))),
			el('pre', {}, 'pre line 1\npre line 2'),
			el('footer', {}, 'Copyright')
		);
		expect(htmlToText(body).split('\n\n')).toEqual([
			'The headline',
			'First bold and wrapped text.',
			'Line one',
			'Line two',
			'item one',
			'item two',
			'cell a — cell b',
			'pre line 1',
			'pre line 2'
		]);
	});

	test("the page's <article> when it has one", () => {
		const body = el(
			'body',
			{},
			el('div', {}, 'Related stories'),
			el('article', {}, el('p', {}, 'The story.')),
			el('div', {}, 'More')
		);
		expect(htmlToText(body)).toBe('The story.');
	});

	test('text that looks like markup stays text', () => {
		const body = el('body', {}, el('p', {}, '<img src=x onerror=alert(1)>'));
		expect(htmlToText(body)).toBe('<img src=x onerror=alert(1)>');
	});
});
