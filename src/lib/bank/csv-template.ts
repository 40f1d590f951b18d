/**
 * The CSV template teachers download: a small, valid deck about a fictional town with one
 * question of every type (statements and pairs in both modes, assertion–reason in both styles),
 * so that every kind of row can be copied from it. docs/csv-format.md shows the same questions.
 */
import { deckToCsv } from './csv';
import type { Deck } from './schema';

/** The template's source text: a short, fictional news item. */
export const TEMPLATE_SOURCE = `Lakeside opens its first community solar farm

Lakeside opened its first community solar farm on Monday, 2 March 2026. The farm has 4,200 panels and can power about 1,500 homes.

Mayor Ana Ruiz cut the ribbon. Engineer Tom Okafor designed the site, and the town's school pupils named it “Sunfield”.

Work began in May 2025 with clearing the old car park. The panels were installed in November 2025, and the farm was connected to the grid in February 2026.

The project cost 3.1 million euros, of which the regional government paid 40%. Residents can buy a share for 50 euros.`;

const AS_OF = '2026-03-02';

const fact = (id: string, statement: string, quote: string, topic: string) => ({
	id,
	statement,
	quote,
	topics: [topic],
	asOf: AS_OF,
	volatile: false
});

/** The template deck (its CSV is `csvTemplate()`). */
export const TEMPLATE_DECK: Deck = {
	id: 'lakeside-solar-example',
	title: 'Example: Lakeside opens a solar farm',
	description:
		'A fictional example deck with one question of every type, to copy rows from. Replace it with your own source, facts and questions.',
	language: 'en',
	version: 1,
	asOf: AS_OF,
	source: {
		title: 'Lakeside opens its first community solar farm',
		publisher: 'Example Gazette (fictional)',
		published: AS_OF
	},
	topics: [
		{ id: 'energy', label: 'Energy' },
		{ id: 'people', label: 'People' },
		{ id: 'timeline', label: 'Timeline' },
		{ id: 'money', label: 'Money' }
	],
	facts: [
		fact(
			'farm-opened',
			'Lakeside opened its first community solar farm on 2 March 2026.',
			'Lakeside opened its first community solar farm on Monday, 2 March 2026',
			'timeline'
		),
		fact('farm-panels', 'The solar farm has 4,200 panels.', 'The farm has 4,200 panels', 'energy'),
		fact(
			'farm-homes',
			'The solar farm can power about 1,500 homes.',
			'can power about 1,500 homes',
			'energy'
		),
		fact(
			'mayor-ribbon',
			'Mayor Ana Ruiz cut the ribbon.',
			'Mayor Ana Ruiz cut the ribbon',
			'people'
		),
		fact(
			'engineer-design',
			'Engineer Tom Okafor designed the site.',
			'Engineer Tom Okafor designed the site',
			'people'
		),
		fact(
			'pupils-named',
			'The town’s school pupils named the farm “Sunfield”.',
			'the town\'s school pupils named it "Sunfield"',
			'people'
		),
		fact(
			'work-began',
			'Work began in May 2025 with clearing the old car park.',
			'Work began in May 2025 with clearing the old car park',
			'timeline'
		),
		fact(
			'panels-installed',
			'The panels were installed in November 2025.',
			'The panels were installed in November 2025',
			'timeline'
		),
		fact(
			'grid-connected',
			'The farm was connected to the grid in February 2026.',
			'the farm was connected to the grid in February 2026',
			'timeline'
		),
		fact(
			'project-cost',
			'The project cost 3.1 million euros.',
			'The project cost 3.1 million euros',
			'money'
		),
		fact(
			'region-share',
			'The regional government paid 40% of the project’s cost.',
			'of which the regional government paid 40%',
			'money'
		),
		fact(
			'share-price',
			'Residents can buy a share of the farm for 50 euros.',
			'Residents can buy a share for 50 euros',
			'money'
		)
	],
	questions: [
		{
			id: 'designer-flashcard',
			type: 'flashcard',
			prompt: 'Who designed the Lakeside solar farm?',
			answer: 'Engineer Tom Okafor',
			explanation: 'Tom Okafor designed the site; Mayor Ana Ruiz only cut the ribbon.',
			facts: ['engineer-design'],
			difficulty: 1
		},
		{
			id: 'panels-mcq',
			type: 'mcq',
			prompt: 'How many panels does the Lakeside solar farm have?',
			options: ['1,500', '4,200', '3,100', '50'],
			answer: 1,
			explanation: 'The farm has 4,200 panels. 1,500 is the number of homes it can power.',
			facts: ['farm-panels'],
			difficulty: 2
		},
		{
			id: 'work-2025-multi',
			type: 'multi',
			prompt: 'Which steps of the project took place in 2025? Select all that apply.',
			options: [
				'Clearing the old car park',
				'Installing the panels',
				'Connecting the farm to the grid'
			],
			answers: [0, 1],
			explanation:
				'The car park was cleared from May 2025 and the panels were installed in November 2025; the grid connection came in February 2026.',
			facts: ['work-began', 'panels-installed', 'grid-connected'],
			difficulty: 2
		},
		{
			id: 'region-share-true-false',
			type: 'true_false',
			prompt: 'True or false?',
			statement: 'The regional government paid 40% of the cost of the solar farm.',
			answer: true,
			explanation: 'Of the 3.1 million euros, the regional government paid 40%.',
			facts: ['region-share'],
			difficulty: 1
		},
		{
			id: 'farm-name-cloze',
			type: 'cloze',
			prompt: 'The town’s school pupils named the solar farm ___.',
			accepted: ['Sunfield', 'Sunfield solar farm'],
			explanation: 'The pupils named it “Sunfield”.',
			facts: ['pupils-named'],
			difficulty: 1
		},
		{
			id: 'cost-numeric',
			type: 'numeric',
			prompt: 'How much did the Lakeside solar farm cost?',
			answer: 3.1,
			tolerance: 0,
			unit: 'million euros',
			explanation: 'The project cost 3.1 million euros; 50 euros is the price of one share.',
			facts: ['project-cost'],
			difficulty: 2
		},
		{
			id: 'people-match',
			type: 'match',
			prompt: 'Match each person with what they did for the solar farm.',
			columns: ['Person', 'Role'],
			pairs: [
				{ left: 'Ana Ruiz', right: 'Cut the ribbon as mayor', fact: 'mayor-ribbon' },
				{ left: 'Tom Okafor', right: 'Designed the site', fact: 'engineer-design' },
				{ left: 'School pupils', right: 'Named the farm “Sunfield”', fact: 'pupils-named' }
			],
			explanation:
				'The mayor opened it, the engineer designed it and the pupils named it; the mayor and the engineer are the usual mix-up.',
			facts: ['mayor-ribbon', 'engineer-design', 'pupils-named'],
			difficulty: 1
		},
		{
			id: 'project-steps-order',
			type: 'order',
			prompt: 'Put the steps of the project in order, earliest first.',
			items: [
				{ text: 'Clearing the old car park', fact: 'work-began' },
				{ text: 'Installing the panels', fact: 'panels-installed' },
				{ text: 'Connecting the farm to the grid', fact: 'grid-connected' },
				{ text: 'Opening the farm', fact: 'farm-opened' }
			],
			explanation:
				'May 2025 (clearing), November 2025 (panels), February 2026 (grid), 2 March 2026 (opening).',
			facts: ['work-began', 'panels-installed', 'grid-connected', 'farm-opened'],
			difficulty: 2
		},
		{
			id: 'farm-size-statements',
			type: 'statements',
			mode: 'which',
			prompt: 'Consider the following statements about the Lakeside solar farm:',
			statements: [
				{ text: 'It has 4,200 panels.', fact: 'farm-panels', correct: true },
				{ text: 'It can power about 15,000 homes.', fact: 'farm-homes', correct: false }
			],
			options: [
				{ text: '1 only', claims: [1] },
				{ text: '2 only', claims: [2] },
				{ text: 'Both 1 and 2', claims: [1, 2] },
				{ text: 'Neither 1 nor 2', claims: [] }
			],
			answer: 0,
			explanation: 'The farm has 4,200 panels and can power about 1,500 homes, not 15,000.',
			facts: ['farm-panels', 'farm-homes'],
			difficulty: 2
		},
		{
			id: 'money-statements',
			type: 'statements',
			mode: 'how_many',
			prompt: 'Consider the following statements about the money behind the solar farm:',
			statements: [
				{ text: 'The project cost 3.1 million euros.', fact: 'project-cost', correct: true },
				{ text: 'A share costs 500 euros.', fact: 'share-price', correct: false },
				{
					text: 'The regional government paid 40% of the cost.',
					fact: 'region-share',
					correct: true
				}
			],
			options: [
				{ text: 'Only one', count: 1 },
				{ text: 'Only two', count: 2 },
				{ text: 'All three', count: 3 },
				{ text: 'None', count: 0 }
			],
			answer: 1,
			explanation: 'Statements 1 and 3 are correct; a share costs 50 euros, not 500.',
			facts: ['project-cost', 'share-price', 'region-share'],
			difficulty: 3
		},
		{
			id: 'dates-pairs',
			type: 'pairs',
			mode: 'which',
			prompt: 'Consider the following pairs:',
			columns: ['Date', 'Event'],
			pairs: [
				{ left: 'May 2025', right: 'Work began', fact: 'work-began', correct: true },
				{
					left: 'November 2025',
					right: 'Connection to the grid',
					fact: 'grid-connected',
					correct: false
				},
				{ left: '2 March 2026', right: 'Opening', fact: 'farm-opened', correct: true }
			],
			options: [
				{ text: '1 and 2 only', claims: [1, 2] },
				{ text: '1 and 3 only', claims: [1, 3] },
				{ text: '2 and 3 only', claims: [2, 3] },
				{ text: '1, 2 and 3', claims: [1, 2, 3] }
			],
			answer: 1,
			explanation:
				'The farm was connected to the grid in February 2026; November 2025 is when the panels were installed.',
			facts: ['work-began', 'grid-connected', 'farm-opened'],
			difficulty: 2
		},
		{
			id: 'figures-pairs',
			type: 'pairs',
			mode: 'how_many',
			prompt: 'Consider the following pairs:',
			columns: ['Figure', 'What it counts'],
			pairs: [
				{ left: '4,200', right: 'Panels on the farm', fact: 'farm-panels', correct: true },
				{ left: '1,500', right: 'Homes the farm can power', fact: 'farm-homes', correct: true },
				{ left: '50 euros', right: 'The price of one share', fact: 'share-price', correct: true }
			],
			options: [
				{ text: 'Only one pair', count: 1 },
				{ text: 'Only two pairs', count: 2 },
				{ text: 'All three pairs', count: 3 },
				{ text: 'None of the pairs', count: 0 }
			],
			answer: 2,
			explanation: 'All three figures are matched correctly.',
			facts: ['farm-panels', 'farm-homes', 'share-price'],
			difficulty: 2
		},
		{
			id: 'grid-assertion-reason',
			type: 'assertion_reason',
			style: 'assertion_reason',
			prompt: 'Read the assertion (A) and the reason (R):',
			assertion: {
				text: 'The Lakeside solar farm was connected to the grid in February 2026.',
				fact: 'grid-connected',
				correct: true
			},
			reason: {
				text: 'The panels of the farm were installed in November 2025.',
				fact: 'panels-installed',
				correct: true
			},
			explains: false,
			explanation:
				'Both are true, but the date of the panels does not explain the date of the grid connection.',
			facts: ['grid-connected', 'panels-installed'],
			difficulty: 3
		},
		{
			id: 'funding-statement-i-ii',
			type: 'assertion_reason',
			style: 'statement_i_ii',
			prompt: 'Consider the following statements:',
			assertion: {
				text: 'The regional government paid the whole cost of the solar farm.',
				fact: 'region-share',
				correct: false
			},
			reason: {
				text: 'The solar farm cost 3.1 million euros.',
				fact: 'project-cost',
				correct: true
			},
			explains: false,
			explanation: 'The regional government paid 40% of the 3.1 million euros, not all of it.',
			facts: ['region-share', 'project-cost'],
			difficulty: 2
		}
	]
};

/** A small, valid example deck as CSV, with one question of every type to copy rows from. */
export function csvTemplate(): string {
	return deckToCsv(TEMPLATE_DECK, TEMPLATE_SOURCE);
}
