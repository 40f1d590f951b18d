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
import { logEntries } from './study-helpers';
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

/** The student's own log entries from a class, as `fact rating` (rating 1: Again). */
async function fromClass(page: Page): Promise<string[]> {
	return (await logEntries(page))
		.filter((e) => (e as { source?: string }).source === 'classroom')
		.map((e) => `${e.fact} ${e.rating}`);
}

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
	let projector = await teacherContext.newPage();
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
	// A wrong answer is a review of its facts in the student's own log, as in the offline
	// classroom (one option is right, so Asha or Ravi is wrong).
	const wrongOnQ1: Student[] = [];
	for (const s of all) if (await s.page.getByText('✗ Wrong').isVisible()) wrongOnQ1.push(s);
	expect(wrongOnQ1.length).toBeGreaterThan(0);
	for (const s of wrongOnQ1)
		await expect.poll(async () => (await fromClass(s.page)).length).toBeGreaterThan(0);

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

	// Question 4: the teacher moves to another laptop mid-question (the same account, signed
	// in there), which resumes the session from the server with its counts.
	await projector.getByRole('button', { name: 'Next →' }).click();
	await answer(asha, 4, 1);
	record(asha, 4, 1);
	await expect(projector.getByText('1 of 3 answered')).toBeVisible();
	const laptop = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
	const again = await laptop.request.post('/sync/_session', {
		data: { name, password: 'teacher-pw' }
	});
	expect(again.status()).toBe(200);
	const second = await laptop.newPage();
	await second.goto(projector.url());
	await teacherContext.close();
	projector = second;
	await expect(projector.getByRole('heading', { name: 'Question 4 of 5' })).toBeVisible();
	await expect(projector.getByText('1 of 3 answered')).toBeVisible();
	await answer(ravi, 4, 0);
	record(ravi, 4, 0);
	await expect(projector.getByText('2 of 3 answered')).toBeVisible();
	await projector.keyboard.press('r');

	// Question 5: a late answer after the reveal is refused by the server too.
	await projector.getByRole('button', { name: 'Next →' }).click();
	await answer(asha, 5, 1);
	record(asha, 5, 1);
	await expect(projector.getByText('1 of 3 answered')).toBeVisible();
	await projector.keyboard.press('r');
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

	// Each fact is reviewed once: a reload (the phone feeding its answers again) adds nothing,
	// and "Study what I missed" studies those facts, now due in the student's own memory.
	const missed = wrongOnQ1[0];
	const logged = await fromClass(missed.page);
	expect(new Set(logged).size).toBe(logged.length);
	await missed.page.reload();
	await expect(missed.page.getByText('Your answers are in your study schedule.')).toBeVisible();
	expect(await fromClass(missed.page)).toEqual(logged);
	await missed.page.getByRole('link', { name: 'Study what I missed' }).click();
	await expect(missed.page.locator('article[data-question-id]')).toBeVisible();

	// The teacher's list of classes (/classroom): this one, ended, with its answers; its CSV is
	// the projector's; its results open on the projector again.
	const classes = await laptop.newPage();
	await classes.goto('/classroom');
	const row = classes.getByRole('row').filter({ hasText: code });
	await expect(row).toContainText('Ended');
	await expect(row.getByRole('cell').nth(3)).toHaveText(String(answered.length));
	await expect(row).toContainText('Deletable from');
	expect(await axeBoth(classes)).toEqual([]);
	const listed = classes.waitForEvent('download');
	await row.getByRole('button', { name: `CSV of ${code}` }).click();
	const listedCsv = readFileSync((await (await listed).path())!, 'utf8').replace(/^\uFEFF/, '');
	expect(listedCsv).toBe(csv);
	await row.getByRole('link', { name: `Open results of ${code}` }).click();
	await expect(classes.getByRole('heading', { name: 'Results' })).toBeVisible();
	await expect(classes.getByText('The live session has ended')).toBeVisible();
	// A week on (this browser's clock), Delete asks first; the server keeps its own clock.
	const later = await laptop.newPage();
	await later.clock.install({ time: Date.now() + 8 * 24 * 3600 * 1000 });
	await later.goto('/classroom');
	later.once('dialog', (d) => {
		expect(d.message()).toContain(`Delete class ${code}`);
		void d.accept();
	});
	await later.getByRole('button', { name: `Delete ${code}` }).click();
	await expect(later.getByRole('alert')).toContainText('a week after it began');
	for (const c of [laptop, ...all.map((s) => s.context)]) await c.close();
});

/** A signed-in teacher's projector, gone live on `query`: the context, the page, the join link. */
async function goLive(browser: Browser, baseURL: string, query: string) {
	const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
	const name = uniqueName('teacher');
	await createAccount(context.request, name, 'teacher-pw');
	await context.request.post('/sync/_session', { data: { name, password: 'teacher-pw' } });
	const projector = await context.newPage();
	await projector.goto(`/present?${query}`);
	await projector.getByRole('button', { name: 'Go live' }).click();
	await expect(projector.locator('strong.code')).toHaveText(/^[A-Z2-9]{6}$/);
	const link = `/join?${(await projector.getByText(/\/join\?/).textContent())!.split('/join?')[1]}`;
	return { context, projector, link };
}

/** Answers whatever the phone shows in the type's own widget, and sends it. */
async function answerAnyType(page: Page) {
	const oneTap = page.getByRole('group', { name: 'Options' }).getByRole('button');
	if (await oneTap.count()) return oneTap.first().click();
	const choices = page.locator('button.choice');
	const text = page.getByRole('textbox');
	const selects = page.locator('select');
	const pool = page.getByRole('list', { name: 'Items to place' }).getByRole('button');
	if (await choices.count()) await choices.first().click();
	else if (await text.count()) await text.fill('1990');
	else if (await selects.count())
		for (const select of await selects.all()) await select.selectOption({ index: 1 });
	else while (await pool.count()) await pool.first().click();
	await page.getByRole('button', { name: 'Send answer' }).click();
}

test('every type the paper holds is answered live, counted and exported @desktop', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const types = 'true_false,multi,cloze,numeric,match,order';
	const { context, projector, link } = await goLive(
		browser,
		baseURL!,
		`seed=live-types&n=6&mode=practice&marking=plain&types=${types}&time=none`
	);
	const s = await student(browser, baseURL!, link, 'Kiran', true);
	let checkedAxe = false;
	await projector.getByRole('button', { name: 'Start' }).click();
	for (let q = 1; q <= 6; q++) {
		await expect(s.page.getByRole('heading', { name: `Question ${q} of 6` })).toBeVisible();
		await answerAnyType(s.page);
		await expect(s.page.getByText('Answer sent. Wait for the reveal.')).toBeVisible();
		await expect(projector.getByText('1 of 1 answered')).toBeVisible();
		// The type's own widget (not one-tap options), in both themes.
		if (!checkedAxe && (await s.page.locator('form fieldset').count())) {
			expect(await axeBoth(s.page)).toEqual([]);
			checkedAxe = true;
		}
		await projector.keyboard.press('r');
		await expect(s.page.getByRole('status').locator('strong')).toHaveText(/✓ Right|✗ Wrong/);
		// Options get a bar each (the right ones marked); the rest right and wrong.
		await expect(
			projector.getByText(/[01] right · [01] wrong/).or(projector.locator('.bars li.right'))
		).not.toHaveCount(0);
		await projector.getByRole('button', { name: /Next →|Answer key →/ }).click();
	}
	expect(checkedAxe).toBe(true);
	const downloading = projector.waitForEvent('download');
	await projector.getByRole('button', { name: 'Download CSV' }).click();
	const csv = readFileSync((await (await downloading).path())!, 'utf8').replace(/^\uFEFF/, '');
	const rows = Papa.parse<string[]>(csv.trim()).data.slice(1);
	expect(rows.map((r) => r.slice(0, 2))).toEqual([1, 2, 3, 4, 5, 6].map((q) => ['Kiran', `${q}`]));
	for (const r of rows) {
		expect(r[2]).not.toBe('');
		expect(['yes', 'no']).toContain(r[3]);
	}
	await context.close();
	await s.context.close();
});

test('the countdown shows the time left and closes the question at zero @desktop', async ({
	browser,
	baseURL
}) => {
	const { context, projector, link } = await goLive(
		browser,
		baseURL!,
		'seed=live-time&n=2&mode=practice&marking=plain&types=mcq&time=6'
	);
	const s = await student(browser, baseURL!, link, 'Tara', true);
	await projector.getByRole('button', { name: 'Start' }).click();
	await expect(projector.getByText(/^[1-6] s$/)).toBeVisible();
	const options = s.page.getByRole('group', { name: 'Options' }).getByRole('button');
	await expect(options.first()).toBeEnabled();
	await expect(s.page.getByText(/^\d s left$/)).toBeVisible();
	// Nobody answers: at zero the projector reveals and the phone can no longer answer.
	await expect(projector.getByRole('heading', { name: /^Answer:/ })).toBeVisible({
		timeout: 15_000
	});
	await expect(s.page.getByText('You did not answer this one.')).toBeVisible();
	await expect(options.first()).toBeDisabled();
	await context.close();
	await s.context.close();
});

test('without an account, /present offers no "Go live" and works as before @desktop', async ({
	page
}) => {
	await page.goto(`/present?${QUERY}`);
	await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Go live' })).toHaveCount(0);
});
