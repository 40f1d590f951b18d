import { sampleBase, type TypeSample } from '../shared/sample';
import type { Match } from '.';

export const sample: TypeSample<Match> = {
	question: {
		...sampleBase('match'),
		facts: ['a', 'b', 'c'],
		columns: ['Country', 'Capital'],
		pairs: [
			{ left: 'India', right: 'New Delhi', fact: 'a' },
			{ left: 'Japan', right: 'Tokyo', fact: 'b' },
			{ left: 'Kenya', right: 'Nairobi', fact: 'c' }
		]
	},
	right: { kind: 'pairing', pairing: [0, 1, 2] },
	wrong: { kind: 'pairing', pairing: [0, 2, 1] },
	wrongFacts: { a: true, b: false, c: false },
	answerText: 'India → New Delhi; Japan → Tokyo; Kenya → Nairobi',
	printed: 'Country India Japan Kenya Capital Nairobi New Delhi Tokyo'
};
