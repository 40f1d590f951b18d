import { describe, expect, test } from 'vitest';
import { defaultSettings } from '$lib/srs/settings';
import { fromDraft, newExamDraft, toDraft } from './settings-page.svelte';

const draft = () => toDraft(defaultSettings('Asia/Kolkata'));

describe('exam dates in the settings form', () => {
	test('stored settings without exam dates give the defaults: none, 14 days, +50%', () => {
		expect(draft()).toMatchObject({ exams: [], examModeDays: 14, examLimitsRaise: 50 });
	});

	test('a valid exam is saved with its target as a probability, and read back as typed', () => {
		const d = {
			...draft(),
			exams: [{ name: ' UPSC Prelims 2026 ', date: '2026-05-24', target: 85 }],
			examModeDays: 10
		};
		const result = fromDraft(d);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.settings.examPlan).toEqual({
			exams: [{ name: 'UPSC Prelims 2026', date: '2026-05-24', target: 0.85 }],
			modeDays: 10,
			limitsRaise: 50
		});
		expect(toDraft(result.settings).exams).toEqual([
			{ name: 'UPSC Prelims 2026', date: '2026-05-24', target: 85 }
		]);
	});

	test('each wrong field of an exam is named with its own message', () => {
		const d = {
			...draft(),
			exams: [newExamDraft(), { name: 'Mains', date: '2026-09-31', target: 40 }],
			examLimitsRaise: 500
		};
		const result = fromDraft(d);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual({
			'exams.0.name': 'must name the exam, e.g. "UPSC Prelims 2026"',
			'exams.0.date': 'must be a date like 2026-05-24',
			'exams.1.date': 'is not a day of the calendar',
			'exams.1.target': 'must be at least 50%',
			examLimitsRaise: 'must be at most 300%'
		});
	});
});
