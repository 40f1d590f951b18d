/**
 * `npm run bench:live`: a live class under load, against the real embedded sync server (started
 * here on a temporary folder). 60 students (bounded HTTP clients: BENCH_LIVE_CONCURRENCY requests
 * in flight, default 12) answer 20 questions, each answer sent twice (a phone retrying); a
 * projector follows the class's `_changes` feed (longpoll) and counts with srs/live-class.ts.
 * Prints the write latency percentiles, how long after each question's last answer the
 * projector had counted all of them, and checks that all 1 200 answers count exactly once and
 * late answers are refused. It reports; it exits 1 only when a count is wrong.
 *
 *   npx tsx scripts/bench-live.ts   (BENCH_LIVE_STUDENTS, BENCH_LIVE_QUESTIONS to change the size)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectAnswers, type LiveAnswer } from '../src/lib/srs/live-class';
import { startSyncServer } from './sync-server';
import { account, Client } from './sync-test-helpers';

const STUDENTS = Number(process.env.BENCH_LIVE_STUDENTS || 60);
const QUESTIONS = Number(process.env.BENCH_LIVE_QUESTIONS || 20);
const CONCURRENCY = Number(process.env.BENCH_LIVE_CONCURRENCY || 12);
const DB = '/class-bench2';

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const line = (label: string, xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const f = (x: number) => `${x.toFixed(1)} ms`;
	console.log(
		`${label}: n ${s.length}, p50 ${f(percentile(s, 50))}, p90 ${f(percentile(s, 90))}, p99 ${f(percentile(s, 99))}, max ${f(s.at(-1)!)}`
	);
};

/** Runs the tasks with at most `limit` in flight. */
async function bounded(tasks: (() => Promise<void>)[], limit: number) {
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) await tasks[next++]();
	};
	await Promise.all(Array.from({ length: limit }, worker));
}

async function main() {
	const dataDir = mkdtempSync(join(tmpdir(), 'bench-live-'));
	const server = await startSyncServer({ dataDir });
	let wrong = false;
	try {
		const teacher = await account(server.port, 'teacher', 'teacher-pw');
		if ((await teacher.put(DB, {})).status !== 201) throw new Error('the class was not made');
		const setOpen = async (open: string | null) => {
			const security = await (await teacher.get(`${DB}/_security`)).json();
			const reply = await teacher.put(`${DB}/_security`, {
				...security,
				live: { ...security.live, open }
			});
			if (reply.status !== 200) throw new Error(`_security: ${reply.status}`);
		};
		const session = (s: number) => `bench-student-${String(s).padStart(4, '0')}`;
		const students = Array.from({ length: STUDENTS }, () => new Client(server.port));

		// The projector: follows _changes, counts, notes when each answer was first counted.
		const counted = new Map<string, LiveAnswer>();
		const countedAt = new Map<string, number>();
		let since: unknown = 0;
		let following = true;
		const projector = (async () => {
			const eye = new Client(server.port);
			while (following) {
				const reply = await eye.get(
					`${DB}/_changes?feed=longpoll&include_docs=true&timeout=1000&since=${since}`
				);
				const body = (await reply.json()) as { results: { doc: unknown }[]; last_seq: unknown };
				since = body.last_seq;
				const before = counted.size;
				collectAnswers(
					body.results.map((r) => r.doc),
					counted
				);
				if (counted.size !== before)
					for (const key of counted.keys())
						if (!countedAt.has(key)) countedAt.set(key, performance.now());
			}
		})();

		const latencies: number[] = [];
		const lags: number[] = [];
		let refusedLate = 0;
		const started = performance.now();
		for (let q = 1; q <= QUESTIONS; q++) {
			const id = `q${q}`;
			await setOpen(id);
			let lastAck = 0;
			const statuses = students.map(() => [] as number[]);
			// Each answer twice, possibly at once (a phone retrying): exactly one write may succeed.
			const tasks = students.flatMap((client, s) =>
				[0, 1].map(() => async () => {
					const t = performance.now();
					const reply = await client.put(`${DB}/answer:${session(s)}:${id}`, {
						name: `Student ${s + 1}`,
						option: (s + q) % 4
					});
					latencies.push(performance.now() - t);
					statuses[s].push(reply.status);
					lastAck = Math.max(lastAck, performance.now());
				})
			);
			await bounded(tasks, CONCURRENCY);
			statuses.forEach((pair, s) => {
				const [first, second] = [...pair].sort();
				if (first !== 201 || ![403, 409].includes(second)) {
					console.error(`answer ${session(s)}:${id} → ${pair.join(', ')}`);
					wrong = true;
				}
			});
			await setOpen(null);
			// A late answer after the reveal is refused.
			const late = await new Client(server.port).put(`${DB}/answer:bench-late-000000:${id}`, {
				name: 'Late',
				option: 0
			});
			if (late.status === 403) refusedLate++;
			// The projector's lag: from the last answer's acknowledgement to all of them counted.
			const keys = students.map((_, s) => `${session(s)}:${id}`);
			while (!keys.every((k) => countedAt.has(k))) await new Promise((r) => setTimeout(r, 5));
			lags.push(Math.max(...keys.map((k) => countedAt.get(k)!)) - lastAck);
		}
		const seconds = (performance.now() - started) / 1000;
		// (A longpoll may wait on; closing the server ends it.)
		following = false;
		projector.catch(() => {});

		const docs = (await (
			await teacher.get(`${DB}/_all_docs?startkey="answer:"&endkey="answer;"`)
		).json()) as { rows: unknown[] };
		const expected = STUDENTS * QUESTIONS;
		console.log(
			`live bench: ${STUDENTS} students × ${QUESTIONS} questions, each answer sent twice, ${CONCURRENCY} requests in flight, ${seconds.toFixed(1)} s`
		);
		line('answer write latency (through the guard)', latencies);
		line("projector's lag after a question's last answer", lags);
		console.log(
			`counted by the projector ${counted.size} / ${expected}; answer documents on the server ${docs.rows.length}; late answers refused ${refusedLate} / ${QUESTIONS}`
		);
		if (counted.size !== expected || docs.rows.length !== expected || refusedLate !== QUESTIONS)
			wrong = true;
		console.log(wrong ? 'FAIL: a count is wrong' : 'every answer counted exactly once');
	} finally {
		await server.close();
		rmSync(dataDir, { recursive: true, force: true });
	}
	process.exit(wrong ? 1 : 0);
}

main().catch((e: unknown) => {
	console.error('bench-live:', e);
	process.exit(1);
});
