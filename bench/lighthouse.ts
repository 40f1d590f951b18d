/**
 * Lighthouse's mobile audit (its default profile: a phone, simulated slow 4G and a 4× slower
 * CPU) of pages of the built app, in the same Chromium as the tests. Lighthouse is not a
 * dependency of the app: `npm install --no-save lighthouse@12` adds it (12 is the last major
 * that runs on Node 20), and without it the bench says so and goes on.
 */
import { chromiumLaunchOptions } from '../tests/chromium';

export interface LighthouseScores {
	page: string;
	performance: number;
	accessibility: number;
	/** Metrics behind the performance score, in ms (CLS unitless). */
	fcp: number;
	lcp: number;
	tbt: number;
	cls: number;
}

interface LhResult {
	lhr: {
		categories: Record<string, { score: number | null }>;
		audits: Record<string, { numericValue?: number }>;
		runtimeError?: { message: string };
	};
}

/** Scores of each page (0–100), or null when Lighthouse is not installed. */
export async function runLighthouse(
	pages: readonly { page: string; url: string }[]
): Promise<LighthouseScores[] | null> {
	// Module names in variables: neither is a dependency, so TypeScript must not resolve them.
	const lighthouseModule = 'lighthouse';
	const launcherModule = 'chrome-launcher';
	let lighthouse: (url: string, flags: object) => Promise<LhResult | undefined>;
	let launch: (options: object) => Promise<{ port: number; kill: () => Promise<void> | void }>;
	try {
		lighthouse = (await import(lighthouseModule)).default;
		launch = (await import(launcherModule)).launch;
	} catch {
		return null;
	}
	const chrome = await launch({
		chromePath: chromiumLaunchOptions.executablePath,
		chromeFlags: ['--headless=new', ...chromiumLaunchOptions.args]
	});
	try {
		const out: LighthouseScores[] = [];
		for (const { page, url } of pages) {
			// Scores vary from run to run: the run with the median performance score of three.
			const runs: LighthouseScores[] = [];
			for (let i = 0; i < 3; i++) {
				const result = await lighthouse(url, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility']
				});
				if (!result) throw new Error(`Lighthouse gave no result for ${page}`);
				const { categories, audits, runtimeError } = result.lhr;
				if (runtimeError) throw new Error(`Lighthouse on ${page}: ${runtimeError.message}`);
				const score = (c: string) => Math.round((categories[c]?.score ?? 0) * 100);
				const metric = (a: string) => audits[a]?.numericValue ?? NaN;
				runs.push({
					page,
					performance: score('performance'),
					accessibility: score('accessibility'),
					fcp: metric('first-contentful-paint'),
					lcp: metric('largest-contentful-paint'),
					tbt: metric('total-blocking-time'),
					cls: metric('cumulative-layout-shift')
				});
			}
			runs.sort((a, b) => a.performance - b.performance);
			out.push(runs[1]);
		}
		return out;
	} finally {
		await chrome.kill();
	}
}
