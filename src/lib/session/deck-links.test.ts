import { describe, expect, it } from 'vitest';
import { scopeOfLink } from '$lib/srs/scope';
import { deckHref, readHref, studyHref } from './deck-links';

describe('deck links', () => {
	it('reads a built-in deck on its own page and an own deck by its id on this device', () => {
		expect(readHref({ id: 'india-us-2026-01', own: false })).toBe('/read/india-us-2026-01');
		expect(readHref({ id: 'my deck&x', own: true })).toBe('/read?deck=my%20deck%26x');
		expect(deckHref({ id: 'x', own: true })).toBe('/decks/view?id=x');
	});

	it('builds study links that /study reads back as the same scope', () => {
		const scope = { deck: 'd&1', topic: 'a b', facts: ['d/f,1', 'd/f2'] };
		const href = studyHref({ deck: 'd', facts: ['d/f1', 'd/f2'] });
		expect(href).toBe('/study?deck=d&facts=d%2Ff1%2Cd%2Ff2');
		expect(scopeOfLink(new URL(href, 'https://x').searchParams)).toEqual({
			deck: 'd',
			topic: undefined,
			facts: ['d/f1', 'd/f2']
		});
		const { deck, topic } = scopeOfLink(new URL(studyHref(scope), 'https://x').searchParams);
		expect({ deck, topic }).toEqual({ deck: 'd&1', topic: 'a b' });
		expect(studyHref({})).toBe('/study');
	});
});
