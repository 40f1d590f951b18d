/** Browser storage failed: blocked, private mode, quota, or a version conflict. */
export class StorageError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'StorageError';
	}
}

/**
 * A write found the record changed since it was read (another tab answered the same fact).
 * Nothing was written; re-read the record and try again.
 */
export class StaleRecordError extends StorageError {
	readonly key: string;
	constructor(key: string) {
		super(`"${key}" was changed in another tab since it was read; nothing was written`);
		this.name = 'StaleRecordError';
		this.key = key;
	}
}

/** A backup file that cannot be imported; nothing was changed. `where` names the place at fault. */
export class BackupError extends StorageError {
	readonly problems: readonly string[];
	constructor(problems: readonly string[]) {
		super(`The backup was not imported, nothing was changed:\n${problems.join('\n')}`);
		this.name = 'BackupError';
		this.problems = problems;
	}
}
