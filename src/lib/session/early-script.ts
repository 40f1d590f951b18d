/**
 * The inline script in app.html's head, generated from the names it shares with the app (the
 * web-storage keys, and the preview's rule and markup in preview.ts). It runs before the first
 * paint, before any module can load, so it cannot import them: app.html holds a slot where
 * src/hooks.server.ts puts this text as each page is rendered, and svelte.config.js puts its
 * hash in the CSP (it loads this module too: hence the relative imports).
 *
 * It applies the learner's chosen theme (no flash of the other theme), applies the preview's
 * rule (see preview.ts) by marking <html> when the prerendered question may not fit, and keeps
 * an option of that question tapped (or its letter pressed) before the app's scripts have run:
 * shown as chosen, and left for the page to answer once the session starts. On /study, for a
 * learner with progress stored (the preview's mark), it opens the database and makes the page's
 * first reads while the modules load (storage/early-open.ts), the built-in decks' copy among
 * them; for any other learner it preloads `/decks.json` (session/builtin-copy.ts).
 */
import { DB_NAME, DB_VERSION, EARLY_OPEN, EARLY_READS, LOG_DAYS_BACK } from '../storage/early-open';
import { WEB_KEYS } from '../storage/web-keys';
import { BUILTIN_DECKS_URL } from './builtin-decks';
import { markName } from './marks';
import { datasetName, PREVIEW_DOM, PREVIEW_KEY } from './preview';

/** app.html's slot for the script. */
export const EARLY_SCRIPT_SLOT = '<!-- early-script -->';

/** The script's text, indented to stand in app.html's head. */
export function earlyScript(indent = '\t\t\t'): string {
	const d = PREVIEW_DOM;
	/** A string literal (the names hold no quote). */
	const s = (name: string) => `'${name}'`;
	const noPreview = datasetName(d.noPreview);
	const options = s(`article[${d.question}] .${d.option}`);
	const lines = `{
	const root = document.documentElement;
	const study = /${d.route}/.test(location.pathname);
	if (study && location.search !== '') root.dataset.${noPreview} = '';
	let stored = false;
	try {
		const theme = localStorage.getItem(${s(WEB_KEYS.theme)});
		if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
		stored = study && localStorage.getItem(${s(PREVIEW_KEY)}) !== null;
		if (stored) root.dataset.${noPreview} = '';
		// This tab's session storage, loaded now: SvelteKit and /study read it as they start,
		// and a first read then would wait behind the database's reads begun below.
		void sessionStorage.length;
	} catch {
		// Storage blocked: follow the system theme, and show the preview.
	}
	// No progress stored: /study fetches the built-in decks (a returning learner's page reads
	// the copy it kept in storage instead): start the request while the modules load.
	if (study && !stored) {
		const link = document.createElement('link');
		link.rel = 'preload';
		link.as = 'fetch';
		link.crossOrigin = 'anonymous';
		link.href = ${s(BUILTIN_DECKS_URL)};
		document.head.append(link);
	}
	// Progress is stored: open the database and read what the page reads first, while its
	// modules load. Never created or upgraded here: the app does that.
	if (stored && typeof indexedDB !== 'undefined') {
		const early = { blocked: false, onblocked: null };
		early.result = new Promise((resolve) => {
			try {
				const request = indexedDB.open(${s(DB_NAME)}, ${DB_VERSION});
				request.onupgradeneeded = () => request.transaction.abort();
				// Another tab holds an older version: the app says so (it waits behind this).
				request.onblocked = () => {
					early.blocked = true;
					if (early.onblocked) early.onblocked();
				};
				request.onerror = (e) => {
					e.preventDefault();
					resolve(null);
				};
				request.onsuccess = () => {
					const db = request.result;
					db.onversionchange = () => db.close();
					const stores = {};
					try {
						const reads = ${JSON.stringify(Object.entries(EARLY_READS))};
						const tx = db.transaction(reads.map(([name]) => name), 'readonly');
						const day = new Date(Date.now() - ${LOG_DAYS_BACK * 86_400_000}).toISOString().slice(0, 10);
						for (const [name, what] of reads) {
							const store = tx.objectStore(name);
							const range = what === 'recent' ? IDBKeyRange.lowerBound(day) : undefined;
							const keys = store.getAllKeys(range);
							const values = what === 'keys' ? null : store.getAll(range);
							tx.addEventListener('complete', () => {
								stores[name] = { from: range && day, keys: keys.result.map(String) };
								if (values) stores[name].values = values.result;
							});
						}
						tx.addEventListener('complete', () => {
							performance.mark(${s(markName('early-read'))});
							resolve({ db, stores });
						});
						tx.onabort = () => resolve({ db, stores: null });
					} catch {
						resolve({ db, stores: null });
					}
				};
			} catch {
				resolve(null);
			}
		});
		window.${EARLY_OPEN} = early;
	}
	// An option of the prerendered question tapped (or its letter pressed) before the
	// page's scripts have run is shown as chosen and kept for the session to answer.
	const early = (i) => {
		if (${s(datasetName(d.hydrated))} in root.dataset || ${s(noPreview)} in root.dataset) return;
		const options = document.querySelectorAll(${options});
		if (i < 0 || i >= options.length || options[i].hasAttribute(${s(d.toggle)})) return;
		options.forEach((b, j) => b.classList.toggle(${s(d.chosen)}, i === j));
		window.${d.earlyPick} = i;
	};
	if (study) {
		addEventListener(
			'click',
			(e) => {
				const option = e.target instanceof Element ? e.target.closest(${s(`.${d.option}`)}) : null;
				const all = [
					...document.querySelectorAll(${options})
				];
				if (option) early(all.indexOf(option));
			},
			true
		);
		addEventListener(
			'keydown',
			(e) => {
				if (!e.ctrlKey && !e.altKey && !e.metaKey && /^[a-f]$/i.test(e.key))
					early(e.key.toLowerCase().charCodeAt(0) - 97);
			},
			true
		);
	}
}`;
	return `\n${lines
		.split('\n')
		.map((l) => (l ? indent + l : l))
		.join('\n')}\n${indent.slice(1)}`;
}

/** A page with the script in app.html's slot (src/hooks.server.ts). */
export function withEarlyScript(html: string): string {
	return html.replace(EARLY_SCRIPT_SLOT, () => `<script>${earlyScript()}</script>`);
}
