// Exam dates: an exam set in Settings is planned for on the dashboard (days left, the facts
// predicted at the target on its morning, recall by topic, the pace of new facts); exam mode
// shows in its last 14 days. Axe on the card in both themes; the card holds at 320 px.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const hydrated = (page: Page) => page.locator('html[data-hydrated]').waitFor({ state: 'attached' });

/** The browser's study day (days start at 4 AM local) plus `days`, as YYYY-MM-DD. */
const studyDayPlus = (page: Page, days: number) =>
	page.evaluate((days) => {
		const d = new Date(Date.now() - 4 * 3_600_000);
		d.setDate(d.getDate() + days);
		const pad = (n: number) => String(n).padStart(2, '0');
		return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	}, days);

async function setExam(page: Page, name: string, days: number) {
	await page.goto('/settings');
	await hydrated(page);
	const form = page.locator('#exam-dates');
	await expect(form.getByRole('button', { name: 'Add an exam' })).toBeEnabled();
	await form.getByRole('button', { name: 'Add an exam' }).click();
	// Refused with a message beside each field until it is filled in.
	await form.getByRole('button', { name: 'Save exam dates' }).click();
	await expect(form.getByText('must name the exam, e.g. "UPSC Prelims 2026"')).toBeVisible();
	await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
	await form.getByLabel('Name').fill(name);
	await form.getByLabel('Date').fill(await studyDayPlus(page, days));
	await expect(form.getByLabel('Recall wanted on the day (%)')).toHaveValue('90');
	await form.getByRole('button', { name: 'Save exam dates' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
}

const card = (page: Page) => page.locator('section[data-exam-plan]');

test.describe('exam dates', { tag: '@both' }, () => {
	test('an exam set in Settings shows on the dashboard with days left and the counts', async ({
		page,
		axe
	}) => {
		await setExam(page, 'UPSC Prelims 2026', 40);
		await page.reload();
		await expect(page.locator('#exam-dates').getByLabel('Name')).toHaveValue('UPSC Prelims 2026');

		await page.goto('/');
		const plan = card(page);
		await expect(plan).toBeVisible();
		await expect(plan.getByRole('heading', { name: 'UPSC Prelims 2026' })).toBeVisible();
		await expect(plan).toContainText('40 days left');
		// Nothing studied yet: none of the facts is at the target, and every one is unseen.
		const total = await plan.getByText(/^0 of \d+ facts$/).textContent();
		const n = Number(total!.match(/of (\d+)/)![1]);
		expect(n).toBeGreaterThan(0);
		await expect(plan.getByRole('listitem').first()).toContainText('0% · 0/');
		await expect(plan).toContainText(`${Math.ceil(n / (40 - 14))} new a day`);
		await expect(plan).not.toContainText('Exam mode is on');
		expect(await axe()).toEqual([]);
	});

	test('in the last 14 days exam mode is on; the card holds on a 320 px phone', async ({
		page,
		axe
	}) => {
		await setExam(page, 'Prelims', 10);
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto('/');
		const plan = card(page);
		await expect(plan).toContainText('10 days left');
		await expect(plan).toContainText('Exam mode is on');
		await expect(plan).toContainText('daily limits raised by 50% (30 new, 300 reviews)');
		await expect(plan).toContainText('too late for the');
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
		).toBeLessThanOrEqual(0);
		const box = await plan.boundingBox();
		expect(box!.x + box!.width).toBeLessThanOrEqual(320);
		expect(await axe()).toEqual([]);
	});
});
