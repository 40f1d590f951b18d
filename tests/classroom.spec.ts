// Classroom: the presenter's keyboard flow (→/Space next, ← back, R reveal, F full screen) in
// large type at 1280×720, the join slide's QR code read by a QR decoder from a 25 % copy of the
// slide, no focus ring on slides paged by a clicker's keys, the closing answer key with each
// item's own text, the countdown revealing at zero, students joining by the QR link to the same
// questions in the same order, and the printed worksheet: how to answer each type, pages filled.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { answerTextIn } from '../src/lib/bank/format';
import type { Question } from '../src/lib/bank/schema';
import { buildPaper, configFromParams } from '../src/lib/srs/exam';
import { deck, logEntries } from './study-helpers';

const QUERY = 'seed=room-12&n=3&mode=practice&marking=plain&types=mcq,true_false&time=none';
const config = configFromParams(new URLSearchParams(QUERY), 'x');
const paper = buildPaper([deck], config);
const questions = paper.map((item) => deck.questions.find((q) => q.id === item.question)!);
const answers = paper.map((item, i) => answerTextIn(questions[i], item.optionOrder));

/** The text a question's prompt refers to: its statement, statements, pairs, assertion and reason. */
function ownText(q: Question): string[] {
	switch (q.type) {
		case 'true_false':
			return [q.statement];
		case 'statements':
			return q.statements.map((s) => s.text);
		case 'pairs':
			return q.pairs.flatMap((p) => [p.left, p.right]);
		case 'assertion_reason':
			return [q.assertion.text, q.reason.text];
		default:
			return [q.prompt];
	}
}

/**
 * Decode the QR code in a PNG screenshot shrunk to `scale` of its size (what a phone at the back
 * of a room sees), with jsQR. The shrinking is the browser's (a blank page, no app CSP).
 */
async function decodeQr(page: Page, png: Buffer, scale: number): Promise<string | null> {
	const blank = await page.context().newPage();
	const image = await blank.evaluate(
		async ({ src, scale }) => {
			const img = new Image();
			img.src = src;
			await img.decode();
			const canvas = document.createElement('canvas');
			canvas.width = Math.round(img.width * scale);
			canvas.height = Math.round(img.height * scale);
			const ctx = canvas.getContext('2d')!;
			ctx.imageSmoothingQuality = 'high';
			ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
			const { width, height, data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
			return { width, height, data: Array.from(data) };
		},
		{ src: `data:image/png;base64,${png.toString('base64')}`, scale }
	);
	await blank.close();
	return jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data ?? null;
}

test.describe('on a projector', { tag: '@desktop' }, () => {
	test.use({ viewport: { width: 1280, height: 720 }, isMobile: false, hasTouch: false });

	test('the presenter runs on the keyboard, in large type, to the answer key', async ({
		page,
		axe
	}) => {
		await page.goto(`/present?${QUERY}`);
		await expect(page.getByRole('heading', { name: 'Class quiz: 3 questions' })).toBeVisible();
		await expect(
			page.getByRole('img', { name: 'QR code: join this quiz on a phone' })
		).toBeVisible();
		await expect(page.getByText(/\/join\?s=room-12&n=3&ty=/)).toBeVisible();
		expect(await axe()).toEqual([]);

		await page.keyboard.press('ArrowRight');
		await expect(page.getByText('Question 1 of 3')).toBeVisible();
		const prompt = page.locator('.question .prompt');
		await expect(prompt).toHaveText(questions[0].prompt);
		const size = await prompt.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(size).toBeGreaterThanOrEqual(32);
		await expect(page.getByRole('heading', { name: /^Answer:/ })).toHaveCount(0);

		await page.keyboard.press('r');
		await expect(page.getByRole('heading', { name: `Answer: ${answers[0]}` })).toBeVisible();
		await expect(page.getByText(questions[0].explanation)).toBeVisible();
		await expect(page.locator('blockquote').first()).toBeVisible();
		expect(await axe()).toEqual([]);

		await page.keyboard.press('Space');
		await expect(page.getByText('Question 2 of 3')).toBeVisible();
		await expect(prompt).toHaveText(questions[1].prompt);
		await expect(page.getByRole('heading', { name: /^Answer:/ })).toHaveCount(0);
		await page.keyboard.press('ArrowLeft');
		await expect(page.getByText('Question 1 of 3')).toBeVisible();
		await expect(page.getByRole('heading', { name: `Answer: ${answers[0]}` })).toBeVisible();

		await page.keyboard.press('f');
		await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
		await page.keyboard.press('f');
		await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);

		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
		await expect(page.getByRole('heading', { name: 'Answer key' })).toBeVisible();
		const key = page.getByRole('list').filter({ hasText: questions[0].prompt });
		await expect(key.getByRole('listitem')).toHaveCount(3);
		for (let i = 0; i < 3; i++)
			await expect(key.getByRole('listitem').nth(i)).toContainText(answers[i]);
		expect(await axe()).toEqual([]);
	});

	test('the QR code is most of the join slide and decodes from a 25 % copy of it', async ({
		page
	}) => {
		await page.goto(`/present?${QUERY}`);
		const qr = page.getByRole('img', { name: 'QR code: join this quiz on a phone' });
		await expect(qr).toBeVisible();
		const link = page.getByText(/\/join\?/);
		const joinUrl = `http://${(await link.textContent())!.trim()}`;
		const slide = await page.screenshot();
		expect(await decodeQr(page, slide, 0.25)).toBe(joinUrl);
		const box = (await qr.boundingBox())!;
		expect(box.height).toBeGreaterThanOrEqual(720 / 2);
		// The link stays readable beside the code, on the same slide.
		const text = (await link.boundingBox())!;
		expect(text.x + text.width).toBeLessThanOrEqual(box.x);
		expect(text.y + text.height).toBeLessThanOrEqual(720);
		expect(await link.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(
			20
		);
	});

	test('paging with →, Space or PageDown draws no focus ring; the key shows each item', async ({
		page,
		axe
	}) => {
		const query = 'seed=key&n=4&mode=practice&marking=plain&time=none';
		const types = 'true_false,statements,pairs,assertion_reason';
		const items = buildPaper(
			[deck],
			configFromParams(new URLSearchParams(`${query}&types=${types}`), 'x')
		);
		const qs = items.map((item) => deck.questions.find((q) => q.id === item.question)!);
		await page.goto(`/present?${query}&types=${types}`);
		await expect(page.getByRole('heading', { name: 'Class quiz: 4 questions' })).toBeVisible();
		const keys = ['ArrowRight', 'Space', 'PageDown', 'ArrowRight'];
		for (const [i, key] of keys.entries()) {
			await page.keyboard.press(key);
			const heading = page.getByRole('heading', { name: `Question ${i + 1} of 4` });
			// Focus still moves to the slide's heading, for screen readers; nothing is painted.
			await expect(heading).toBeFocused();
			expect(await heading.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
		}
		expect(await axe()).toEqual([]);
		await page.keyboard.press('PageDown');
		await expect(page.getByRole('heading', { name: 'Answer key' })).toBeFocused();
		const key = page.getByRole('listitem');
		await expect(key).toHaveCount(4);
		for (const [i, q] of qs.entries())
			for (const text of ownText(q)) await expect(key.nth(i)).toContainText(text);
		expect(qs.some((q) => q.type === 'true_false')).toBe(true);
		expect(await axe()).toEqual([]);
	});

	test('the countdown shows a bar and reveals the answer at zero', async ({ page }) => {
		// 5 s, so a busy machine still sees the countdown running before it reaches zero.
		await page.goto(`/present?${QUERY.replace('time=none', 'time=5')}`);
		await page.getByRole('button', { name: 'Start' }).click();
		await expect(page.getByText(/^[1-5] s$/)).toBeVisible();
		await expect(page.locator('.bar')).toBeVisible();
		await expect(page.getByRole('heading', { name: `Answer: ${answers[0]}` })).toBeVisible({
			timeout: 10_000
		});
		await expect(page.locator('.bar')).toHaveCount(0);
	});
});

/** Answer the practice question on screen rightly (these papers hold mcq and true/false only). */
async function answerRightly(page: Page, i: number) {
	const options = page.getByRole('list', { name: /^Options/ }).getByRole('button');
	const right = answers[i].replace(/^\([a-z]\) /, '');
	const texts = await options.allTextContents();
	await options.nth(texts.findIndex((t) => t.includes(right))).click();
	await page.getByRole('button', { name: 'Check', exact: true }).click();
}

test('a student joins by the link: same questions, same order, a result to hold up', async ({
	page,
	axe
}) => {
	await page.goto(`/present?${QUERY}`);
	const link = await page.getByText(/\/join\?/).textContent();
	const join = new URL(`http://${link!.trim()}`);
	await page.goto(`${join.pathname}${join.search}`);
	await expect(page.getByText('3 questions, the same as on the projector')).toBeVisible();
	expect(await axe()).toEqual([]);
	await page.getByLabel('Your name (optional, shown on your result)').fill('Asha');
	await page.getByRole('button', { name: 'Start' }).click();
	for (let i = 0; i < 3; i++) {
		await expect(page.locator('article[data-question-id]')).toHaveAttribute(
			'data-question-id',
			questions[i].id
		);
		await answerRightly(page, i);
		await expect(page.getByRole('heading', { name: '✓ Correct' })).toBeVisible();
		if (i < 2)
			await page
				.getByRole('button', { name: /Save & next|Next/ })
				.first()
				.click();
	}
	await page.getByRole('button', { name: 'Submit test' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Yes, submit' }).click();
	await expect(page.getByRole('heading', { name: 'Asha: 3 / 3 right' })).toBeVisible();
	await expect(page.getByText('Score 3 / 3')).toBeVisible();
	await expect(page.getByText(/^Time \d+:\d\d$/)).toBeVisible();
	expect(await axe()).toEqual([]);
	const fromClass = (await logEntries(page)).filter(
		(e) => (e as { source?: string }).source === 'classroom'
	);
	// Right answers count only for facts that were due; a new learner has none due.
	expect(fromClass).toEqual([]);
});

test(
	'the worksheet prints questions, then the answer key on its own page, without app chrome',
	{ tag: '@desktop' },
	async ({ page, axe }) => {
		await page.goto(`/print?${QUERY}`);
		await expect(page.getByRole('heading', { name: /^Worksheet:/ })).toBeVisible();
		expect(await axe()).toEqual([]);
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
		await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
		const items = page.locator('.questions > li');
		await expect(items).toHaveCount(3);
		for (let i = 0; i < 3; i++) await expect(items.nth(i)).toContainText(questions[i].prompt);
		const styles = await page.evaluate(() => {
			const key = document.querySelector('.key')!;
			const q = document.querySelector('.questions > li')!;
			return {
				keyBreak: getComputedStyle(key).breakBefore,
				qBreak: getComputedStyle(q).breakInside,
				bg: getComputedStyle(document.body).backgroundColor
			};
		});
		expect(styles).toEqual({ keyBreak: 'page', qBreak: 'avoid', bg: 'rgb(255, 255, 255)' });
		const key = page.getByRole('heading', { name: 'Answer key' });
		await expect(key).toBeVisible();
		for (const a of answers) await expect(page.locator('.key')).toContainText(a);
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	}
);

/** The number of pages of a PDF made by Chromium (one page object each). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;

const EVERY_TYPE =
	'mcq,multi,true_false,cloze,numeric,match,order,statements,pairs,assertion_reason';
/** A4 less the sheet's 12 mm margins, in CSS pixels (96 per inch). */
const A4_CONTENT = { width: Math.floor((186 / 25.4) * 96), height: Math.floor((273 / 25.4) * 96) };

test(
	'the worksheet says how to answer each type, and its pages are filled',
	{ tag: '@desktop' },
	async ({ page }) => {
		const query = `seed=sheet&n=500&mode=practice&marking=plain&types=${EVERY_TYPE}&time=none`;
		const items = buildPaper([deck], configFromParams(new URLSearchParams(query), 'x'));
		const qs = items.map((item) => deck.questions.find((q) => q.id === item.question)!);
		expect(new Set(qs.map((q) => q.type)).size).toBe(EVERY_TYPE.split(',').length);
		await page.goto(`/print?${query}`);
		await expect(page.getByRole('heading', { name: /^Worksheet:/ })).toBeVisible();

		const how = page.locator('.questions > li .how');
		await expect(how).toHaveCount(qs.length);
		const letter = 'Write the letter of your answer in the box.';
		const expected: Record<string, string> = {
			mcq: letter,
			statements: letter,
			pairs: letter,
			assertion_reason: letter,
			multi: 'Write the letters of all the right answers in the box.',
			true_false: 'Circle True or False.',
			cloze: 'Write the missing words on the line.',
			numeric: 'Write the number on the line.',
			match: 'Beside each letter, write the number of its match.'
		};
		for (const [i, q] of qs.entries()) {
			const text =
				q.type === 'order'
					? `Number the items from 1 to ${q.items.length} in the order asked.`
					: expected[q.type];
			await expect(how.nth(i)).toHaveText(text);
		}

		// Pages: a question is kept whole, nothing else forces a break (the key starts on a page of
		// its own), and the type and spacing are paper's. This paper took 69 pages, 33 of them
		// questions filled to 82 % on average; now 42, 20 of them filled to 94 %.
		await page.emulateMedia({ media: 'print' });
		const pages = pageCount(await page.pdf({ format: 'A4' }));
		await page.locator('.key').evaluate((key) => key.remove());
		const questionPages = pageCount(await page.pdf({ format: 'A4' }));
		await page.setViewportSize(A4_CONTENT);
		const height = await page
			.locator('.worksheet')
			.evaluate((el) => el.getBoundingClientRect().height);
		const fill = height / (questionPages * A4_CONTENT.height);
		console.log(
			`worksheet of ${qs.length} questions: ${pages} pages, ${questionPages} of questions, filled ${Math.round(fill * 100)} %`
		);
		// The defect: pages 55–80 % full. Measured after the fix: 0.94 on its own, 0.89 with the shared styles of app.css.
		expect(fill).toBeGreaterThanOrEqual(0.85);
		expect(questionPages).toBeLessThanOrEqual(Math.ceil(qs.length / 5));
	}
);
