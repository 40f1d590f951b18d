/**
 * `npm run icons`: render the app icons of the web manifest (192 and 512 px, and a maskable
 * 512 px with the mark inside the safe zone) from static/favicon.svg, in headless Chromium.
 * The PNGs are committed; run this again only when the favicon changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/chromium';

const svg = readFileSync('static/favicon.svg', 'utf8');
// Maskable: a full-bleed background, the mark scaled into the central 80% safe zone.
const maskable = svg
	.replace('rx="14" ', '')
	.replace(/(<path[\s\S]*<\/svg>)/, '<g transform="translate(9.6 9.6) scale(0.7)">$1')
	.replace('</svg>', '</g></svg>');

const icons: Array<[string, string, number]> = [
	['static/icon-192.png', svg, 192],
	['static/icon-512.png', svg, 512],
	['static/icon-maskable-512.png', maskable, 512],
	['static/apple-touch-icon.png', maskable, 180]
];

const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage();
for (const [file, source, size] of icons) {
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(
		`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`
	);
	writeFileSync(file, await page.screenshot({ omitBackground: true }));
	console.log(`wrote ${file} (${size}×${size})`);
}
await browser.close();
