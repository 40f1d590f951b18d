/**
 * Every page carries the script generated from the app's names (early-script.ts) in app.html's
 * slot, allowed by the CSP, and it decides as the app does: the preview's rule (preview.ts) and
 * the theme, before any module.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { WEB_KEYS } from '$lib/storage/web-keys';
import { handle } from '../../hooks.server';
import config from '../../../svelte.config.js';
import { BUILTIN_DECKS_URL } from './builtin-decks';
import { EARLY_SCRIPT_SLOT, earlyScript } from './early-script';
import { PREVIEW_DOM, PREVIEW_KEY, previewFits } from './preview';

const appHtml = readFileSync('src/app.html', 'utf8');
const script = earlyScript();

afterEach(() => vi.unstubAllGlobals());

/** A button of the preview's options, as far as the script looks at it. */
class FakeOption {
	classes = new Set<string>();
	constructor(readonly attributes: Record<string, string> = {}) {}
	classList = {
		toggle: (name: string, on: boolean) =>
			void (on ? this.classes.add(name) : this.classes.delete(name))
	};
	hasAttribute = (name: string) => name in this.attributes;
	closest = (selector: string) => (selector === `.${PREVIEW_DOM.option}` ? this : null);
}

/**
 * Run the script as a page at `url` would before any module, with `stored` in localStorage
 * (null: storage refused) and `options` in the preview. The page's <html> dataset, its window,
 * and its listeners, to send events to.
 */
function runEarly(url: string, stored: Record<string, string> | null, options: FakeOption[] = []) {
	const { pathname, search } = new URL(url, 'https://app.example');
	const dataset: Record<string, string> = {};
	const listeners: Record<string, (e: unknown) => void> = {};
	const win: Record<string, unknown> = {};
	const localStorage = {
		getItem(key: string) {
			if (stored === null) throw new DOMException('refused', 'SecurityError');
			return stored[key] ?? null;
		}
	};
	/** The elements the script put in <head>. */
	const head: Array<Record<string, string>> = [];
	const document = {
		documentElement: { dataset },
		querySelectorAll: (selector: string) =>
			selector === `article[${PREVIEW_DOM.question}] .${PREVIEW_DOM.option}` ? options : [],
		createElement: (tag: string) => ({ tag }),
		head: { append: (el: Record<string, string>) => head.push(el) }
	};
	const addEventListener = (type: string, f: (e: unknown) => void) => (listeners[type] = f);
	new Function(
		'document',
		'location',
		'localStorage',
		'window',
		'addEventListener',
		'Element',
		script
	)(document, { pathname, search }, localStorage, win, addEventListener, FakeOption);
	return { dataset, win, listeners, head };
}

/** Every source file named `name` under src (a component may move between folders). */
function sourceNamed(name: string, dir = 'src'): string {
	for (const entry of readdirSync(dir)) {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) {
			const found = sourceNamed(name, path);
			if (found) return found;
		} else if (entry === name) return readFileSync(path, 'utf8');
	}
	return '';
}

describe("app.html's inline script", () => {
	test("is put in app.html's slot in the head of every page rendered, its only script", async () => {
		expect(appHtml.split(EARLY_SCRIPT_SLOT)).toHaveLength(2);
		expect(appHtml.indexOf(EARLY_SCRIPT_SLOT)).toBeLessThan(appHtml.indexOf('%sveltekit.head%'));
		expect(appHtml).not.toContain('<script');
		let page: string | undefined;
		await handle({
			event: {} as Parameters<typeof handle>[0]['event'],
			resolve: async (_, options) => {
				page = await options?.transformPageChunk?.({ html: appHtml, done: true });
				return new Response(page);
			}
		});
		expect(page).toBe(appHtml.replace(EARLY_SCRIPT_SLOT, `<script>${script}</script>`));
	});

	test("runs under the CSP: svelte.config.js allows the script's hash", () => {
		const hash = createHash('sha256').update(script).digest('base64');
		expect(config.kit?.csp?.directives?.['script-src']).toContain(`sha256-${hash}`);
	});

	test('marks the preview as not fitting exactly where the app rules it out', () => {
		const noPreview = 'noPreview';
		for (const path of ['/study', '/study/', '/', '/settings', '/studying'])
			for (const search of ['', '?deck=india-us-2026-01', '?topic=Trade'])
				for (const mark of [null, '1768298400000-x1']) {
					const url = `https://app.example${path}${search}`;
					const stored: Record<string, string> = mark === null ? {} : { [PREVIEW_KEY]: mark };
					vi.stubGlobal('localStorage', { getItem: (k: string) => stored[k] ?? null });
					const onStudy = /^\/study\/?$/.test(path);
					const { dataset } = runEarly(url, stored);
					expect(noPreview in dataset, `${url} mark ${mark}`).toBe(
						onStudy && !previewFits(new URL(url))
					);
				}
	});

	test('preloads the built-in decks on /study for a learner without progress stored only', () => {
		const preload = {
			tag: 'link',
			rel: 'preload',
			as: 'fetch',
			crossOrigin: 'anonymous',
			href: BUILTIN_DECKS_URL
		};
		vi.stubGlobal('indexedDB', undefined);
		expect(runEarly('/study', {}).head).toEqual([preload]);
		expect(runEarly('/study?deck=x', {}).head).toEqual([preload]);
		expect(runEarly('/study', null).head).toEqual([preload]);
		// With progress stored, the page reads the copy it kept in storage instead.
		expect(runEarly('/study', { [PREVIEW_KEY]: 'x' }).head).toEqual([]);
		expect(runEarly('/', {}).head).toEqual([]);
		expect(runEarly('/settings', {}).head).toEqual([]);
	});

	test('with storage refused, shows the preview and follows the system theme, as the app does', () => {
		vi.stubGlobal('localStorage', {
			getItem: () => {
				throw new DOMException('refused', 'SecurityError');
			}
		});
		const { dataset } = runEarly('/study', null);
		expect(previewFits(new URL('https://app.example/study'))).toBe(true);
		expect(dataset).toEqual({});
	});

	test("applies the learner's theme from its key, and nothing else", () => {
		expect(runEarly('/', { [WEB_KEYS.theme]: 'dark' }).dataset).toEqual({ theme: 'dark' });
		expect(runEarly('/', { [WEB_KEYS.theme]: 'light' }).dataset).toEqual({ theme: 'light' });
		expect(runEarly('/', { [WEB_KEYS.theme]: 'blue' }).dataset).toEqual({});
	});

	test('keeps an option tapped or its letter pressed on the preview, until the app is live', () => {
		const options = [new FakeOption(), new FakeOption(), new FakeOption()];
		const page = runEarly('/study', {}, options);
		page.listeners.click({ target: options[1] });
		expect(options.map((o) => o.classes.has(PREVIEW_DOM.chosen))).toEqual([false, true, false]);
		expect(page.win[PREVIEW_DOM.earlyPick]).toBe(1);
		page.listeners.keydown({ key: 'C' });
		expect(page.win[PREVIEW_DOM.earlyPick]).toBe(2);
		page.listeners.keydown({ key: 'c', ctrlKey: true });
		page.listeners.keydown({ key: 'z' });
		expect(page.win[PREVIEW_DOM.earlyPick]).toBe(2);
		page.dataset.hydrated = '';
		page.listeners.keydown({ key: 'a' });
		expect(page.win[PREVIEW_DOM.earlyPick]).toBe(2);
	});

	test('keeps no tap on a select-all question, nor where the preview is ruled out', () => {
		const toggles = [new FakeOption({ [PREVIEW_DOM.toggle]: 'false' }), new FakeOption()];
		const page = runEarly('/study', {}, toggles);
		page.listeners.click({ target: toggles[0] });
		expect(page.win[PREVIEW_DOM.earlyPick]).toBeUndefined();
		const marked = runEarly('/study', { [PREVIEW_KEY]: 'x' }, [new FakeOption()]);
		marked.listeners.keydown({ key: 'a' });
		expect(marked.win[PREVIEW_DOM.earlyPick]).toBeUndefined();
	});
});

describe('the markup the script relies on', () => {
	test("the study page's preview, the option buttons and the layout use the shared names", () => {
		const studyPage = readFileSync('src/routes/study/+page.svelte', 'utf8');
		expect(studyPage).toContain(`${PREVIEW_DOM.question}=`);
		expect(studyPage).toContain(`:global(html[${PREVIEW_DOM.noPreview}])`);
		expect(studyPage).toContain('takeEarlyPick()');
		const choices = sourceNamed('Choices.svelte');
		expect(choices).toContain(`class="${PREVIEW_DOM.option}"`);
		expect(choices).toContain(`class:${PREVIEW_DOM.chosen}=`);
		expect(choices).toContain(`${PREVIEW_DOM.toggle}={multiple ?`);
		expect(readFileSync('src/routes/+layout.svelte', 'utf8')).toContain('markAppLive');
	});
});
