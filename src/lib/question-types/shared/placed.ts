/**
 * Match and order: a list of parts, each naming its fact, that the learner places (a right
 * item given to each left one, or the items put in sequence); one part row each in the CSV.
 */
import type { Response } from './grading';
import { gradePlaced } from './grading';
import { cellsCsv, partRows, type SubRows } from './csv';
import { partsIn, type QuestionTypeDef } from './def';
import { checkDistinct } from './check';

type Placed = { type: string; id: string; facts: string[] };

/** What match or order says of its parts. */
interface PlacedParts<Q> {
	/** The field that holds the parts ("pairs", "items"). */
	field: keyof Q & string;
	/** The column of each field of a part. */
	columns: SubRows['columns'];
	/** The learner's placing in a response of the type's kind, else null. */
	placed(r: Response): number[] | null;
	/** The fields of a part that must differ from part to part. */
	distinct: string[];
}

/** The grading, parts, CSV and checks of match or order (its question row adds `cells`). */
export function placedType<Q extends Placed>(
	t: PlacedParts<Q>,
	cells: Parameters<typeof cellsCsv<Q>>[0] = {}
): Pick<QuestionTypeDef<Q>, 'grade' | 'parts' | 'csv' | 'check'> {
	const partsOf = (q: Q) =>
		q[t.field] as unknown as Array<{ fact: string } & Record<string, string>>;
	return {
		grade: (q, r) => gradePlaced(q, partsOf(q), t.placed(r)),
		parts: (q) => partsIn(t.field, partsOf(q)),
		csv: cellsCsv<Q>(cells, { field: t.field, rows: partRows(t.columns) }),
		check: (q) =>
			t.distinct.flatMap((key) =>
				checkDistinct(
					partsOf(q).map((p) => p[key]),
					(i) => [t.field, i, key]
				)
			)
	};
}
