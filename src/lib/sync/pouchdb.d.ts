/*
 * The part of PouchDB's API that the sync engine uses (engine.ts), declared here rather than
 * through @types/pouchdb-core: that package declares a global `Buffer` interface that merges
 * with Node's and breaks the type of every Buffer in the project's Node scripts.
 */
declare module 'pouchdb-core' {
	interface Row {
		id: string;
		key: string;
		value: { rev: string; deleted?: boolean };
		doc?: Record<string, unknown>;
	}
	interface Change {
		id: string;
		seq: string | number;
		deleted?: boolean;
		doc?: Record<string, unknown>;
	}
	/** One result of bulkDocs: ok with the new revision, or an error (a conflict, say). */
	interface BulkResult {
		ok?: boolean;
		id?: string;
		rev?: string;
		error?: string | boolean;
		name?: string;
		status?: number;
	}
	export interface Database {
		info(): Promise<{ doc_count: number; update_seq: string | number }>;
		allDocs(options: {
			include_docs?: boolean;
			limit?: number;
			startkey?: string;
			skip?: number;
			keys?: string[];
		}): Promise<{ rows: Row[]; total_rows?: number }>;
		changes(options: {
			since: string | number;
			include_docs?: boolean;
			limit?: number;
		}): Promise<{ results: Change[]; last_seq: string | number }>;
		bulkDocs(docs: ReadonlyArray<Record<string, unknown>>): Promise<BulkResult[]>;
		close(): Promise<void>;
	}
	export interface RemoteOptions {
		skip_setup?: boolean;
		fetch?: (url: string | Request, init?: RequestInit) => Promise<Response>;
	}
	interface PouchDBStatic {
		new (name: string, options?: RemoteOptions): Database;
		plugin(plugin: unknown): PouchDBStatic;
	}
	const PouchDB: PouchDBStatic;
	export default PouchDB;
}

declare module 'pouchdb-adapter-http' {
	const plugin: unknown;
	export default plugin;
}
