/**
 * Lighthouse's mobile audit (its default profile: a phone, simulated slow 4G and a 4× slower
 * CPU) of pages, in the same Chromium as the tests: `runs` performance scores per page, and the
 * accessibility score from the first run (it does not vary from run to run; auditing it once
 * keeps the bench's time down). Lighthouse 12 is the last major that runs on Node 20.
 */
import lighthouse from 'lighthouse';
import { chromiumLaunchOptions } from '../tests/chromium';

export interface PageScores {
	page: string;
	performance: number[];
	accessibility: number;
	/** What failed the accessibility audits, when it is under 100. */
	failing: string[];
}

interface Launched {
	port: number;
	kill: () => Promise<void> | void;
}

export async function runLighthouse(
	pages: readonly { page: string; url: string }[],
	runs: number,
	port: number
): Promise<PageScores[]> {
	// chrome-launcher comes with lighthouse: by a variable name, so TypeScript does not need it
	// as a dependency of its own.
	const launcherModule = 'chrome-launcher';
	const { launch } = (await import(launcherModule)) as {
		launch: (options: object) => Promise<Launched>;
	};
	const chrome = await launch({
		port,
		chromePath: chromiumLaunchOptions.executablePath,
		// The bench's server has a self-signed certificate (bench/build.ts).
		chromeFlags: ['--headless=new', '--ignore-certificate-errors', ...chromiumLaunchOptions.args]
	});
	try {
		const out: PageScores[] = [];
		for (const { page, url } of pages) {
			const scores: PageScores = { page, performance: [], accessibility: NaN, failing: [] };
			for (let i = 0; i < runs; i++) {
				const result = await lighthouse(url, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: i === 0 ? ['performance', 'accessibility'] : ['performance'],
					disableFullPageScreenshot: true,
					skipAudits: ['screenshot-thumbnails', 'final-screenshot']
				});
				if (!result) throw new Error(`Lighthouse gave no result for ${page}`);
				const { categories, audits, runtimeError } = result.lhr;
				if (runtimeError) throw new Error(`Lighthouse on ${page}: ${runtimeError.message}`);
				scores.performance.push(Math.round((categories.performance?.score ?? 0) * 100));
				if (i === 0) {
					const a11y = categories.accessibility;
					scores.accessibility = Math.round((a11y?.score ?? 0) * 100);
					scores.failing = (a11y?.auditRefs ?? [])
						.filter((r) => r.weight > 0 && audits[r.id]?.score === 0)
						.map((r) => r.id);
				}
			}
			out.push(scores);
		}
		return out;
	} finally {
		await chrome.kill();
	}
}
