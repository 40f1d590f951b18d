/**
 * The checks of a statements or pairs item: options that differ and are in range, parts that
 * differ, and exactly one option that fits the parts, which must be the answer.
 */
import { about, note, type Issue } from '../../bank/issues';
import { checkDistinct, checkIndex, duplicates, indexed } from './check';
import type { Judged, JudgedPartOf } from './judged';

/** Two claims name the same parts (an option may name a part twice: that is its own issue). */
const sameSet = (a: readonly number[], b: readonly number[]) => {
	const set = new Set(a);
	return set.size === new Set(b).size && b.every((x) => set.has(x));
};

export function checkJudged<P extends JudgedPartOf>(
	q: Judged,
	field: string,
	parts: readonly P[],
	partKey: (p: P) => string
): Issue[] {
	const out: Issue[] = [
		...checkDistinct(
			q.options.map((o) => o.text),
			indexed('options')
		),
		...checkIndex(['answer'], q.answer, q.options.length, 'options'),
		...checkDistinct(parts.map(partKey), indexed(field))
	];
	const truth = parts.flatMap((p, i) => (p.correct ? [i + 1] : []));
	// Which options are right according to the parts; exactly one must be, and it must be `answer`.
	const right: number[] = [];
	if (q.mode === 'which') {
		q.options.forEach((o, i) => {
			o.claims.forEach((c, j) => {
				if (c > parts.length)
					out.push(
						about(
							['options', i, 'claims', j],
							`${c} is out of range (${field} has ${parts.length})`
						)
					);
			});
			for (const [first, repeat] of duplicates(o.claims))
				out.push(
					about(
						['options', i, 'claims', repeat],
						`repeats claims[${first}] (an option names each of the ${field} once)`
					)
				);
			if (sameSet(o.claims, truth)) right.push(i);
		});
		out.push(
			...duplicates(q.options.map((o) => [...o.claims].sort().join(','))).map(([first, repeat]) =>
				about(['options', repeat, 'claims'], `repeats options[${first}].claims`)
			)
		);
	} else {
		q.options.forEach((o, i) => {
			if (o.count > parts.length)
				out.push(
					about(['options', i, 'count'], `${o.count} is more than the ${parts.length} ${field}`)
				);
			if (o.count === truth.length) right.push(i);
		});
		out.push(
			...duplicates(q.options.map((o) => o.count)).map(([first, repeat]) =>
				about(['options', repeat, 'count'], `repeats options[${first}].count`)
			)
		);
	}
	if (right.length === 0)
		out.push(
			note(
				[],
				`no option matches the correct ${field} (${truth.length ? truth.join(', ') : 'none'})`
			)
		);
	else if (q.answer < q.options.length && !right.includes(q.answer))
		out.push(
			about(
				['answer'],
				`${q.answer} disagrees with the ${field}: the correct option is ${right[0]} ("${q.options[right[0]].text}")`
			)
		);
	return out;
}
