import { describe, expect, test } from 'vitest';
import { makeDeck } from '../bank/test-helpers';
import { scopeNotFound, scopeOfLink } from './scope';

const decks = [makeDeck(), makeDeck({ id: 'other', title: 'Other deck' })];

describe('what a study link names that is not here', () => {
	test('a link naming decks, topics and facts that exist finds them all', () => {
		expect(scopeNotFound(decks, {})).toBeNull();
		expect(scopeNotFound(decks, { deck: 'other', topic: 'nuclear' })).toBeNull();
		expect(scopeNotFound(decks, { facts: ['test/shanti', 'other/pax'] })).toBeNull();
	});

	test('an unknown deck is named', () => {
		expect(scopeNotFound(decks, { deck: 'gone' })).toEqual({
			message: 'No deck here has the id “gone”.',
			nothing: true
		});
	});

	test('ids named like Object.prototype members are not found', () => {
		for (const id of ['constructor', '__proto__', 'toString'])
			expect(scopeNotFound(decks, { deck: id, topic: id, facts: [id] })?.nothing).toBe(true);
		expect(scopeNotFound(decks, { topic: 'constructor' })?.message).toBe(
			'No deck here has facts on the topic “constructor”.'
		);
	});

	test('an unknown topic is named, within the deck when the link names one', () => {
		expect(scopeNotFound(decks, { topic: 'sports' })).toEqual({
			message: 'No deck here has facts on the topic “sports”.',
			nothing: true
		});
		expect(scopeNotFound(decks, { deck: 'other', topic: 'sports' })?.message).toBe(
			'The deck “Other deck” has no facts on the topic “sports”.'
		);
	});

	test('facts: none here, one here, or some missing', () => {
		expect(scopeNotFound(decks, { facts: ['test/nope'] })).toEqual({
			message: 'The fact “test/nope” is not in any deck here.',
			nothing: true
		});
		expect(scopeNotFound(decks, { facts: ['a/b', 'c/d'] })?.message).toBe(
			'None of the 2 facts this link names is in a deck here.'
		);
		expect(scopeNotFound(decks, { facts: ['test/shanti', 'c/d', 'e/f'] })).toEqual({
			message: '2 of the 3 facts this link names are not in any deck here; studying the others.',
			nothing: false
		});
	});

	test('a long hostile value is quoted short', () => {
		const message = scopeNotFound(decks, { deck: 'x'.repeat(5000) })!.message;
		expect(message.length).toBeLessThan(100);
	});
});

test('a study link gives its scope; empty values name nothing', () => {
	expect(scopeOfLink(new URLSearchParams('deck=a&topic=t&facts=a/x,,a/y'))).toEqual({
		deck: 'a',
		topic: 't',
		facts: ['a/x', 'a/y']
	});
	expect(scopeOfLink(new URLSearchParams('deck=&topic='))).toEqual({
		deck: undefined,
		topic: undefined,
		facts: undefined
	});
});
