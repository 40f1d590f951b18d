import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { makeSettings } from '../srs/test-helpers';
import { BackupError } from './errors';
import { exportBackup, importBackup, parseBackup, placeParams, type Backup } from './backup';
import { paramsId } from '../srs/keys';
import { TEMPLATE_DECK, TEMPLATE_SOURCE } from '../bank/csv-template';
import { withSourceText } from '../bank/deck-json';
import { saveDeck } from './decks';
import { scheduleParams } from '../srs/settings';
import { answer, freshRepo, study } from './test-helpers';
import type { Repository } from './repository';
import type { AttemptRecord } from './records';
import { defaultConfig } from '../srs/exam';

async function snapshot(repo: Repository) {
	const b = await exportBackup(repo, new Date('2026-02-01T00:00:00Z'));
	return { settings: b.settings, states: b.states, log: b.log, attempts: b.attempts };
}

/** A minimal valid mock-test attempt record. */
function attempt(id: string): AttemptRecord {
	return {
		schemaVersion: 2,
		id,
		config: { ...defaultConfig('s'), n: 1 },
		paper: [{ deck: 'd', question: 'q', optionOrder: null }],
		startedAt: '2026-01-20T06:00:00.000Z',
		deadline: null,
		answers: [{ kind: 'choices', choices: [1] }],
		marked: [false],
		visited: [true],
		timeMs: [1200],
		current: 0,
		submittedAt: '2026-01-20T06:01:00.000Z',
		checked: [false]
	};
}

async function studiedRepo() {
	const repo = await freshRepo();
	await repo.saveSettings(makeSettings({ desiredRetention: 0.85 }));
	await study(repo, 6, 4);
	await repo.saveAttempt(attempt('t1'));
	return repo;
}

describe('export and import', () => {
	test('export → import into an empty store gives identical data', async () => {
		const source = await studiedRepo();
		const file = JSON.stringify(await exportBackup(source));
		const target = await freshRepo();
		await importBackup(target, parseBackup(file), 'replace');
		expect(await snapshot(target)).toEqual(await snapshot(source));
		expect(await target.loadStates()).toEqual(await source.loadStates());
	});

	test('replace swaps the progress; merge keeps both logs and replays their union', async () => {
		const a = await freshRepo();
		await answer(a, 'f0', Rating.Good, new Date('2026-01-13T10:00:00Z'));
		const b = await freshRepo();
		await answer(b, 'f0', Rating.Again, new Date('2026-01-13T11:00:00Z'));
		await answer(b, 'f1', Rating.Good, new Date('2026-01-13T11:05:00Z'));
		const fileB = parseBackup(JSON.stringify(await exportBackup(b)));

		const merged = await freshRepo();
		await importBackup(merged, parseBackup(JSON.stringify(await exportBackup(a))), 'replace');
		await importBackup(merged, fileB, 'merge');
		const { events } = await merged.readLog();
		expect(events).toHaveLength(3);
		expect(await merged.loadStates()).toEqual(await merged.rebuildFromLog());
		expect((await merged.loadState('d/f0'))?.events).toBe(2);
		expect((await merged.attempts()).map((x) => x.id)).toEqual([]);
		// Merging the same file again changes nothing: the union is by entry id.
		await importBackup(merged, fileB, 'merge');
		expect((await merged.readLog()).events).toHaveLength(3);

		await importBackup(merged, fileB, 'replace');
		expect((await merged.readLog()).events).toHaveLength(2);
	});

	test('test attempts travel in the backup and merge by id', async () => {
		const source = await studiedRepo();
		const target = await freshRepo();
		await target.saveAttempt({ ...(await source.attempts())[0], id: 't2' });
		await importBackup(target, parseBackup(JSON.stringify(await exportBackup(source))), 'merge');
		expect((await target.attempts()).map((a) => a.id).sort()).toEqual(['t1', 't2']);
	});

	test('a backup of an older schema version is migrated on import', async () => {
		const source = await studiedRepo();
		const backup = await exportBackup(source);
		const old = {
			...backup,
			schemaVersion: 1,
			log: backup.log.map((e) => ({ ...e, schemaVersion: 1, at: new Date(e.at).getTime() }))
		};
		const target = await freshRepo();
		await importBackup(target, parseBackup(JSON.stringify(old)), 'replace');
		expect((await target.readLog()).events).toEqual((await source.readLog()).events);
	});
});

describe('malformed backups are rejected whole, with where, and change nothing', () => {
	type Case = [name: string, mutate: (b: Backup) => unknown, message: RegExp];
	const cases: Case[] = [
		['not JSON at all', () => '{"format": ', /^The file is not valid JSON: /],
		[
			"another app's file",
			(b) => ({ ...b, format: 'anki' }),
			/^format: .*not a Current Affairs Recall backup/
		],
		[
			'a file from a newer app',
			(b) => ({ ...b, schemaVersion: 99 }),
			/^schemaVersion: .*newer version of the app \(99/
		],
		['log not a list', (b) => ({ ...b, log: {} }), /^log: /],
		[
			'a review with rating 7',
			(b) => ({ ...b, log: b.log.map((e, i) => (i === 3 ? { ...e, rating: 7 } : e)) }),
			/^log\[3\]\.rating: must be one of 1, 2, 3, 4 \(got 7\)$/
		],
		[
			'a log entry of an unknown kind',
			(b) => ({ ...b, log: b.log.map((e, i) => (i === 1 ? { ...e, kind: 'undo' } : e)) }),
			/^log\[1\]\.kind: must be one of "review", "reset", "restate", "suspend", "unsuspend", "bury" \(got "undo"\)$/
		],
		[
			'a log entry without a date',
			(b) => ({ ...b, log: b.log.map((e, i) => (i === 0 ? { ...e, at: 'yesterday' } : e)) }),
			/^log\[0\]\.at: /
		],
		[
			'a log entry repeated',
			(b) => ({ ...b, log: [...b.log, b.log[1]] }),
			/^log\[\d+\]\.id: ".*" repeats log\[1\]/
		],
		[
			'an entry naming parameters the file lacks',
			(b) => ({ ...b, params: {} }),
			/^log\[0\]\.paramsId: ".*" is not in the file's params/
		],
		...['constructor', '__proto__', 'toString'].map((id): Case => [
			`an entry naming parameters "${id}", a name every plain object answers to`,
			(b) => ({ ...b, log: b.log.map((e, i) => (i === 0 ? { ...e, paramsId: id } : e)) }),
			new RegExp(`^log\\[0\\]\\.paramsId: "${id}" is not in the file's params`)
		]),
		[
			'a test attempt with answers not a list',
			(b) => ({ ...b, attempts: [{ ...b.attempts[0], answers: 'b' }] }),
			/^attempts\[0\]\.answers: /
		],
		[
			'a state with a negative lapse count',
			(b) => ({
				...b,
				states: b.states.map((s, i) => (i === 2 ? { ...s, card: { ...s.card, lapses: -1 } } : s))
			}),
			/^states\[2\]\.card\.lapses: /
		],
		[
			'settings out of range',
			(b) => ({
				...b,
				settings: { schemaVersion: 2, settings: { ...b.settings!.settings, desiredRetention: 0.5 } }
			}),
			/^settings\.settings\.desiredRetention: /
		],
		[
			'settings naming a time zone that does not exist',
			(b) => ({
				...b,
				settings: {
					schemaVersion: 2,
					settings: { ...b.settings!.settings, timeZone: 'Mars/Olympus_Mons' }
				}
			}),
			/^settings\.settings\.timeZone: "Mars\/Olympus_Mons" is not a time zone this browser knows/
		],
		[
			'parameters naming a time zone that does not exist',
			(b) => {
				const [id, p] = Object.entries(b.params)[0];
				return { ...b, params: { ...b.params, [id]: { ...p, timeZone: 'Mars/Olympus_Mons' } } };
			},
			/^params\.\w+\.timeZone: "Mars\/Olympus_Mons" is not a time zone/
		]
	];

	test.each(cases)('%s', async (_name, mutate, message) => {
		const repo = await studiedRepo();
		const before = await snapshot(repo);
		const changed = mutate(await exportBackup(repo));
		const text = typeof changed === 'string' ? changed : JSON.stringify(changed);
		let error: unknown;
		try {
			await importBackup(repo, parseBackup(text), 'replace');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(BackupError);
		expect((error as BackupError).problems[0]).toMatch(message);
		expect(await snapshot(repo)).toEqual(before);
	});
});

describe('a merge never overwrites a stored record that differs', () => {
	test('parameters under an id stored with other content are kept under a new id', async () => {
		const mine = await freshRepo();
		await answer(mine, 'f0', Rating.Good, new Date('2026-01-13T10:00:00Z'));
		const [[id, ownParams]] = [...(await mine.loadParams())];
		const other = await freshRepo();
		await answer(other, 'f1', Rating.Again, new Date('2026-01-13T11:00:00Z'));
		const file = await exportBackup(other);
		// The file names other parameters (a day starting at 6) by the learner's id.
		const theirs = { ...Object.values(file.params)[0], dayStartHour: 6 };
		const forged = {
			...file,
			params: { [id]: theirs },
			log: file.log.map((e) => ({ ...e, paramsId: id }))
		};
		const statesBefore = await mine.loadStates();
		const { kept } = await importBackup(mine, parseBackup(JSON.stringify(forged)), 'merge');
		expect(kept).toEqual([]);
		const params = await mine.loadParams();
		expect(params.get(id)).toEqual(ownParams);
		expect([...params.values()]).toContainEqual(theirs);
		// Each log replays with the parameters it was scheduled with.
		const { events } = await mine.readLog();
		expect(events.find((e) => e.fact === 'f0')).toMatchObject({ params: ownParams });
		expect(events.find((e) => e.fact === 'f1')).toMatchObject({ params: theirs });
		expect((await mine.loadStates()).get('d/f0')).toEqual(statesBefore.get('d/f0'));
		expect(await mine.loadStates()).toEqual(await mine.rebuildFromLog());
	});

	test('parameters go under their content’s id: equal ones are shared, none is overwritten', () => {
		const p = scheduleParams(makeSettings());
		const q = scheduleParams(makeSettings({ dayStartHour: 6 }));
		const stored: Array<[string, unknown]> = [
			[`params:${paramsId(p)}`, { schemaVersion: 2, params: p }],
			// Damaged data: other content under q's id.
			[`params:${paramsId(q)}`, { schemaVersion: 2, params: p }],
			['params:broken', { schemaVersion: 2, params: 'unreadable' }]
		];
		const { put, rename } = placeParams(
			stored,
			new Map([
				['a', p],
				['broken', q]
			])
		);
		expect(rename.get('a')).toBe(paramsId(p));
		expect(rename.get('broken')).toBe(`${paramsId(q)}-1`);
		expect(put).toEqual([[`${paramsId(q)}-1`, q]]);
	});

	test('a file naming parameters by another id: a later answer does not change its replay', async () => {
		const source = await freshRepo();
		await answer(source, 'f0', Rating.Good, new Date('2026-01-13T10:00:00Z'));
		const file = await exportBackup(source);
		const [[id, p]] = Object.entries(file.params);
		// Hand-edited: other learning steps under the id of the app's own parameters.
		const forged = { ...file, params: { [id]: { ...p, learningSteps: ['10m'] } } };
		const target = await freshRepo();
		await importBackup(target, parseBackup(JSON.stringify(forged)), 'replace');
		await answer(target, 'f1', Rating.Good, new Date('2026-01-13T10:30:00Z'));
		expect(await target.loadStates()).toEqual(await target.rebuildFromLog());
		expect((await target.loadParams()).get(id)).toEqual(p);
	});

	test('decks and attempts repeated in a file are refused', () => {
		const b = {
			format: 'current-affairs-recall-backup',
			schemaVersion: 2,
			exportedAt: '2026-02-01T00:00:00Z',
			settings: null,
			params: {},
			states: [],
			log: [],
			attempts: [attempt('t1'), attempt('t1')]
		};
		expect(() => parseBackup(JSON.stringify(b))).toThrow(
			'attempts[1].id: "t1" repeats attempts[0]'
		);
	});

	test('a deck or attempt that differs from the one here is kept as it is, and named', async () => {
		const source = await studiedRepo();
		const target = await freshRepo();
		const [a] = await source.attempts();
		await target.saveAttempt({ ...a, current: 0, timeMs: [99] });
		const { kept } = await importBackup(
			target,
			parseBackup(JSON.stringify(await exportBackup(source))),
			'merge'
		);
		expect(kept).toEqual(['attempts/t1']);
		expect((await target.attempts())[0].timeMs).toEqual([99]);
	});

	test('the same deck imported on two devices is not reported as differing', async () => {
		const source = await studiedRepo();
		const target = await freshRepo();
		const deck = withSourceText(TEMPLATE_DECK, TEMPLATE_SOURCE);
		const at = (importedAt: string) => ({
			deck,
			importedAt,
			fileName: 'a.csv',
			format: 'csv' as const
		});
		await saveDeck(source, at('2026-01-01T00:00:00.000Z'), []);
		await saveDeck(target, at('2026-01-05T00:00:00.000Z'), []);
		const file = parseBackup(JSON.stringify(await exportBackup(source)));
		expect((await importBackup(target, file, 'merge')).kept).toEqual([]);
		await saveDeck(target, at('2026-01-05T00:00:00.000Z'), []);
		await saveDeck(
			target,
			{ ...at('2026-01-06T00:00:00.000Z'), deck: { ...deck, title: 'Mine' } },
			[]
		);
		expect((await importBackup(target, file, 'merge')).kept).toEqual([`decks/${deck.id}`]);
	});
});

describe('replace rebuilds the fact states from the file’s log', () => {
	test('a dropped state, a changed state and an absurd stability are replaced by the replay', async () => {
		const source = await studiedRepo();
		const file = await exportBackup(source);
		const [first, second, ...rest] = file.states;
		const tampered = {
			...file,
			states: [
				{ ...first, card: { ...first.card, state: first.card.state === 3 ? 1 : 3 } },
				...rest.map((s, i) => (i === 0 ? { ...s, card: { ...s.card, stability: 1e308 } } : s))
			]
		};
		expect(second).toBeDefined();
		const target = await freshRepo();
		const { rebuilt } = await importBackup(
			target,
			parseBackup(JSON.stringify(tampered)),
			'replace'
		);
		expect(rebuilt).toBe(3);
		expect(await target.loadStates()).toEqual(await source.loadStates());
		expect(await target.loadStates()).toEqual(await target.rebuildFromLog());
	});

	test('a faithful file rebuilds nothing', async () => {
		const source = await studiedRepo();
		const target = await freshRepo();
		const file = parseBackup(JSON.stringify(await exportBackup(source)));
		expect((await importBackup(target, file, 'replace')).rebuilt).toBe(0);
	});
});
