// The live classroom (issue 19): a signed-in teacher goes live on /present, three students
// (one on a phone) join by the link with names and answer five questions on their own devices;
// the projector counts the answers as they come, a student who drops off answers when back if
// the question is still open and gets "too late" after the reveal, the projector reloads and
// resumes from the server, and the CSV holds exactly what was answered. Axe on both live views,
// in both themes.
import { AxeBuilder } from '@axe-core/playwright';
import { devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { test, expect } from './fixtures';
import { createAccount, uniqueName } from './sync-fixture';

const QUERY = 'seed=live-1&n=5&mode=practice&marking=plain&types=mcq&time=none';

async function axeBoth(page: Page): Promise<string[]> {
	const found: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const { violations } = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		found.push(...violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes[0]?.target}`));
	}
	return found;
}

async function student(
	browser: Browser,
	baseURL: string,
	link: string,
	name: string,
	phone = false
) {
	const context = await browser.newContext(
		phone ? { ...devices['Pixel 7'], baseURL } : { baseURL }
	);
	const page = await context.newPage();
	await page.goto(link);
	await page.getByLabel('Your name (shown to your teacher)').fill(name);
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByText(`${name} · class`)).toBeVisible();
	return { context, page, name };
}

type Student = { context: BrowserContext; page: Page; name: string };

/** The student answers option `o` (0-based) of the open question, waiting for it to open. */
async function answer(s: Student, question: number, o: number) {
	await expect(s.page.getByRole('heading', { name: `Question ${question} of 5` })).toBeVisible();
	const option = s.page.getByRole('group', { name: 'Options' }).getByRole('button').nth(o);
	await expect(option).toBeEnabled();
	await option.click();
}

test('a live class of three, with a reveal, a late answer, a drop and a reload @desktop', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const teacherContext = await browser.newContext({
		baseURL,
		viewport: { width: 1280, height: 720 }
	});
	const name = uniqueName('teacher');
	await createAccount(teacherContext.request, name, 'teacher-pw');
	const signIn = await teacherContext.request.post('/sync/_session', {
		data: { name, password: 'teacher-pw' }
	});
	expect(signIn.status()).toBe(200);
	const projector = await teacherContext.newPage();
	await projector.goto(`/present?${QUERY}`);
	await projector.getByRole('button', { name: 'Go live' }).click();
	const code = (await projector.locator('strong.code').textContent())!;
	expect(code).toMatch(/^[A-Z2-9]{6}$/);
	const link = `/join?${(await projector.getByText(/\/join\?/).textContent())!.split('/join?')[1]}`;
	expect(link).toContain(`live=${code}`);

	const asha = await student(browser, baseURL!, link, 'Asha');
	const ravi = await student(browser, baseURL!, link, 'Ravi');
	const meena = await student(browser, baseURL!, link, 'Meena', true);
	const all = [asha, ravi, meena];
	const answered: string[][] = [];
	const record = (s: Student, q: number, o: number) =>
		answered.push([s.name, String(q), String.fromCharCode(65 + o)]);

	// Question 1: everyone answers, the projector counts, the reveal marks right and wrong.
	await projector.getByRole('button', { name: 'Start' }).click();
	await expect(projector.getByText('0 of 3 answered')).toBeVisible();
	for (const [s, o] of [
		[asha, 0],
		[ravi, 1],
		[meena, 0]
	] as const) {
		await answer(s, 1, o);
		record(s, 1, o);
	}
	await expect(projector.getByText('3 of 3 answered')).toBeVisible();
	expect(await axeBoth(projector)).toEqual([]);
	expect(await axeBoth(meena.page)).toEqual([]);
	await projector.keyboard.press('r');
	await expect(projector.getByRole('heading', { name: 'Top five' })).toBeVisible();
	for (const s of all) await expect(s.page.getByText(/✓ Right|✗ Wrong/)).toBeVisible();

	// Question 2: Meena's phone drops; her answer waits, the reveal comes first: too late.
	await projector.getByRole('button', { name: 'Next →' }).click();
	await answer(asha, 2, 2);
	record(asha, 2, 2);
	await meena.context.setOffline(true);
	await answer(meena, 2, 1);
	await expect(meena.page.getByText(/Offline: your answer will be sent/)).toBeVisible();
	await expect(projector.getByText('1 of 3 answered')).toBeVisible();
	await projector.keyboard.press('r');
	// Once the reveal has reached the server (Asha's phone shows it), Meena's phone returns.
	await expect(asha.page.getByText(/✓ Right|✗ Wrong/)).toBeVisible();
	await meena.context.setOffline(false);
	await expect(meena.page.getByText('Too late:')).toBeVisible({ timeout: 20_000 });

	// Question 3: Ravi drops and comes back while it is open: his answer counts.
	await projector.getByRole('button', { name: 'Next →' }).click();
	await ravi.context.setOffline(true);
	await answer(ravi, 3, 3);
	await ravi.context.setOffline(false);
	record(ravi, 3, 3);
	await answer(meena, 3, 0);
	record(meena, 3, 0);
	await expect(projector.getByText('2 of 3 answered')).toBeVisible({ timeout: 20_000 });

	// The projector reloads mid-question: it resumes from the server, counts and all.
	await projector.reload();
	await expect(projector.getByRole('heading', { name: 'Question 3 of 5' })).toBeVisible();
	await expect(projector.getByText('2 of 3 answered')).toBeVisible();
	await projector.keyboard.press('r');

	// Questions 4 and 5: a late answer after the reveal is refused by the server too.
	for (const q of [4, 5]) {
		await projector.getByRole('button', { name: /Next →|Answer key →/ }).click();
		await answer(asha, q, 1);
		record(asha, q, 1);
		await expect(projector.getByText('1 of 3 answered')).toBeVisible();
		await projector.keyboard.press('r');
	}
	await expect(ravi.page.getByText('You did not answer this one.')).toBeVisible();

	// The end: results, CSV, the class closed.
	await projector.getByRole('button', { name: 'Answer key →' }).click();
	await expect(projector.getByRole('heading', { name: 'Results' })).toBeVisible();
	const downloading = projector.waitForEvent('download');
	await projector.getByRole('button', { name: 'Download CSV' }).click();
	const csv = readFileSync((await (await downloading).path())!, 'utf8').replace(/^\uFEFF/, '');
	const rows = Papa.parse<string[]>(csv.trim()).data;
	expect(rows[0]).toEqual(['Student', 'Question', 'Answer', 'Right', 'Marks']);
	const sort = (r: string[][]) => r.map((x) => x.join('|')).sort();
	expect(sort(rows.slice(1).map((r) => r.slice(0, 3)))).toEqual(sort(answered));
	await projector.getByRole('button', { name: 'End live session' }).click();
	await expect(projector.getByText('The live session has ended')).toBeVisible();
	await expect(asha.page.getByRole('heading', { name: /Asha: \d \/ 5 right/ })).toBeVisible();
	expect(await axeBoth(asha.page)).toEqual([]);
	expect(await axeBoth(projector)).toEqual([]);
	for (const c of [teacherContext, ...all.map((s) => s.context)]) await c.close();
});

test('without an account, /present offers no "Go live" and works as before @desktop', async ({
	page
}) => {
	await page.goto(`/present?${QUERY}`);
	await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Go live' })).toHaveCount(0);
});
