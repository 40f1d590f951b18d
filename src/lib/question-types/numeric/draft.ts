/** A number draft from one fact: the first figure in its statement, and its unit when "%". */
import { draftBase, factAt, toEdit, type DraftInput } from '../shared/draft';
import type { Numeric } from '.';

/** The first figure in a text ("1,200", "18.5", "50%"), and "%" when it is a percentage. */
export function firstFigure(text: string): { value: number; unit?: string } | null {
	const m = /(?<![\p{L}\d.])(-?\d{1,3}(?:,\d{3})+|-?\d+(?:\.\d+)?)(\s*(?:%|per ?cent\b))?/u.exec(
		text
	);
	if (!m) return null;
	const value = Number(m[1].replace(/,/g, ''));
	return m[2] ? { value, unit: '%' } : { value };
}

export interface NumericDraft {
	answer?: number;
	tolerance?: number;
	/** Shown beside the input; "%" when the figure found is a percentage. */
	unit?: string;
}

export function numericDraft(input: DraftInput & NumericDraft): Numeric {
	const fact = factAt(input.facts, 0);
	const found = firstFigure(fact.statement);
	const unit = input.unit ?? found?.unit;
	return {
		...draftBase(
			'numeric',
			{ ...input, facts: [fact] },
			toEdit(`ask for the figure in: ${fact.statement}`)
		),
		answer: input.answer ?? found?.value ?? 0,
		tolerance: input.tolerance ?? 0,
		...(unit ? { unit } : {})
	};
}
