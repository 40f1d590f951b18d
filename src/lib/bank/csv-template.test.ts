import { describe, expect, test } from 'vitest';
import template from '#questions/csv-template.json' with { type: 'json' };
import { sourceParagraphs } from './csv';
import { csvTemplate, TEMPLATE_DECK, TEMPLATE_SOURCE } from './csv-template';
import { IMPORT_RULES, validateDeck } from './validate';

describe('questions/csv-template.json', () => {
	test('the template file is a valid deck under the rules for an imported deck', () => {
		expect(validateDeck(template, '', 'questions/csv-template.json', IMPORT_RULES)).toEqual({
			ok: true,
			deck: expect.anything(),
			problems: []
		});
	});

	test('its source text is written as the CSV carries it: paragraphs, one blank line apart', () => {
		expect(sourceParagraphs(TEMPLATE_SOURCE).join('\n\n')).toBe(TEMPLATE_SOURCE);
		expect(TEMPLATE_SOURCE).toMatch(/^Lakeside opens its first community solar farm\n\n/);
	});

	test('the template deck carries neither the schema link nor the source text', () => {
		expect(TEMPLATE_DECK).not.toHaveProperty('$schema');
		expect(TEMPLATE_DECK.source).not.toHaveProperty('text');
	});

	test('the CSV has the deck row, one row per paragraph, then topics, facts and questions', () => {
		const kinds = csvTemplate()
			.split('\r\n')
			.slice(1)
			.map((line) => line.slice(0, line.indexOf(',')));
		expect(kinds.slice(0, 6)).toEqual(['deck', 'source', 'source', 'source', 'source', 'source']);
		expect(kinds.filter((k) => k === 'question')).toHaveLength(TEMPLATE_DECK.questions.length);
	});
});
