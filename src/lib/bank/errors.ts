/** A deck that fails validation; `problems` holds one line per problem (file, item, field). */
export class BankError extends Error {
	readonly problems: readonly string[];
	constructor(problems: readonly string[]) {
		super(`${problems.length} problem(s) in the question bank:\n${problems.join('\n')}`);
		this.name = 'BankError';
		this.problems = problems;
	}
}
