/**
 * A small job queue for work that touches every record: the page asks for a job by name, and
 * it runs in a module worker, one at a time, telling its progress as it goes; where workers
 * are unavailable (or the worker fails to start) the same jobs run on the page, yielding to
 * the event loop between jobs and between their phases. See docs/ARCHITECTURE.md, "Work off
 * the main thread".
 */
import type { OnProgress, Phase } from '$lib/storage/progress';
import { BackupError, StorageError } from '$lib/storage/errors';

/** Each job's input and result, by the job's name. */
export type Types = Record<string, { input: unknown; output: unknown }>;

/** The functions that do the jobs. */
export type JobTable<T extends Types> = {
	[K in keyof T]: (input: T[K]['input'], onProgress: OnProgress) => Promise<T[K]['output']>;
};

/** What the page sends: a job to run. */
interface Request {
	id: number;
	job: string;
	input: unknown;
}

/** An error, as plain data (an Error's class does not cross to the page). */
interface ErrorData {
	name: string;
	message: string;
	problems?: readonly string[];
}

/** What serveJobs needs of the worker's global scope (`self`). */
export interface WorkerScope {
	postMessage(message: unknown): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<Request>) => void): void;
}

/** What the worker answers: progress, then a result or an error. */
type Reply =
	| { id: number; progress: [done: number, total: number, phase: Phase] }
	| { id: number; result: unknown }
	| { id: number; error: ErrorData };

function toData(e: unknown): ErrorData {
	const error = e instanceof Error ? e : new Error(String(e));
	return {
		name: error.name,
		message: error.message,
		problems: e instanceof BackupError ? e.problems : undefined
	};
}

/** The error again, as the class the page's code tells apart (a failure of storage or a file). */
function fromData(d: ErrorData): Error {
	if (d.problems) return new BackupError(d.problems);
	const e = d.name === 'Error' ? new Error(d.message) : new StorageError(d.message);
	e.name = d.name;
	return e;
}

/** In the worker: run each request's job (one at a time, in order), replying as it goes. */
export function serveJobs<T extends Types>(scope: WorkerScope, jobs: JobTable<T>): void {
	let queue: Promise<unknown> = Promise.resolve();
	const reply = (r: Reply) => scope.postMessage(r);
	scope.addEventListener('message', (event: MessageEvent<Request>) => {
		const { id, job, input } = event.data;
		queue = queue.then(async () => {
			try {
				const onProgress: OnProgress = (...progress) => reply({ id, progress });
				reply({ id, result: await jobs[job as keyof T](input as never, onProgress) });
			} catch (e) {
				reply({ id, error: toData(e) });
			}
		});
	});
}

/** A turn of the event loop: input and paint get their chance between steps. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** On the page: the jobs run in `worker()`'s worker, or, failing that, in `onPage()`'s table. */
export class JobQueue<T extends Types> {
	#worker: Worker | null | undefined;
	#pending = new Map<number, { onProgress: OnProgress; settle: (r: Reply | null) => void }>();
	/** Whether the worker has answered once (it started). */
	#started = false;
	#next = 0;
	#queue: Promise<unknown> = Promise.resolve();
	#start: () => Worker;
	#onPage: () => Promise<JobTable<T>>;
	/** The page's table, made once: its jobs keep state between runs (a file read, then restored). */
	#pageTable: Promise<JobTable<T>> | undefined;

	constructor(start: () => Worker, onPage: () => Promise<JobTable<T>>) {
		this.#start = start;
		this.#onPage = onPage;
	}

	/**
	 * Run `job`; `onProgress` hears how far it is. Jobs run one after another. `onPage`: this
	 * one runs on the page even where the worker runs (data the worker cannot see).
	 */
	run<K extends keyof T & string>(
		job: K,
		input: T[K]['input'],
		onProgress: OnProgress = () => {},
		{ onPage = false } = {}
	): Promise<T[K]['output']> {
		const run = this.#queue.then(() => this.#runNow(job, input, onProgress, onPage));
		this.#queue = run.catch(() => {});
		return run;
	}

	async #runNow<K extends keyof T & string>(
		job: K,
		input: T[K]['input'],
		onProgress: OnProgress,
		onPage = false
	): Promise<T[K]['output']> {
		const worker = onPage ? null : this.#connect();
		if (!worker) {
			const table = await (this.#pageTable ??= this.#onPage());
			await yieldToPage();
			return table[job](input, (...p) => onProgress(...p));
		}
		const id = ++this.#next;
		const reply = await new Promise<Reply | null>((settle) => {
			this.#pending.set(id, { onProgress, settle });
			worker.postMessage({ id, job, input } satisfies Request);
		});
		// The worker could not start: the job runs on the page instead.
		if (reply === null) return this.#runNow(job, input, onProgress);
		if ('error' in reply) throw fromData(reply.error);
		return (reply as { result: T[K]['output'] }).result;
	}

	/** The worker, started on first use; null when workers are unavailable or it failed. */
	#connect(): Worker | null {
		if (this.#worker !== undefined) return this.#worker;
		try {
			if (typeof Worker === 'undefined') throw new Error('no workers');
			const worker = this.#start();
			worker.addEventListener('message', (event: MessageEvent<Reply>) => {
				const r = event.data;
				this.#started = true;
				const pending = this.#pending.get(r.id);
				if (!pending) return;
				if ('progress' in r) pending.onProgress(...r.progress);
				else {
					this.#pending.delete(r.id);
					pending.settle(r);
				}
			});
			// A worker that cannot start (a module worker in an old browser): its job runs on the
			// page, as do later ones. One that dies midway: its job fails, saying so (a restore's
			// transaction did not commit, so nothing was changed).
			worker.addEventListener('error', (event) => {
				event.preventDefault();
				this.#worker = null;
				worker.terminate();
				const message = 'The background task stopped: try again';
				for (const [id, p] of this.#pending)
					p.settle(this.#started ? { id, error: { name: 'StorageError', message } } : null);
				this.#pending.clear();
			});
			this.#worker = worker;
		} catch {
			this.#worker = null;
		}
		return this.#worker;
	}
}
