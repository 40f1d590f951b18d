/**
 * `npm run bench:live`: a live class under load, against the real embedded sync server (started
 * here on a temporary folder) and the built app's projector in Chromium
 * (scripts/bench-live-projector.ts; the app is built first if it is not). 60 students (bounded
 * HTTP clients: BENCH_LIVE_CONCURRENCY requests in flight, default 12) answer 20 questions, each
 * answer sent twice (a phone retrying); the projector page opens and reveals each question (its
 * keys, as a teacher does) and counts from the class's `_changes` feed, and a second follower
 * here counts with srs/live-class.ts to check the totals. Prints the write latency percentiles,
 * the projector page's frame times while answers arrive (gaps between animation frames, long
 * animation frames), how long after each question's last answer the page showed every answer
 * counted and the follower had them, and checks that all 1 200 answers count exactly once and late
 * answers are refused. It reports; it exits 1 only when a count is wrong.
 *
 *   npx tsx scripts/bench-live.ts   (BENCH_LIVE_STUDENTS, BENCH_LIVE_QUESTIONS to change the size;
 *   BENCH_LIVE_PORT for the app's port, default 4309)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectAnswers, type LiveAnswer } from '../src/lib/srs/live-class';
import { openProjector } from './bench-live-projector';
import { startSyncServer } from './sync-server';
import { account, Client } from './sync-test-helpers';

const STUDENTS = Number(process.env.BENCH_LIVE_STUDENTS || 60);
const QUESTIONS = Number(process.env.BENCH_LIVE_QUESTIONS || 20);
const CONCURRENCY = Number(process.env.BENCH_LIVE_CONCURRENCY || 12);
const APP_PORT = Number(process.env.BENCH_LIVE_PORT || 4309);

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
	let closeProjector = async () => {};
	try {
		const teacher = await account(server.port, 'teacher', 'teacher-pw');
		const projector = await openProjector({
			appPort: APP_PORT,
			syncPort: server.port,
			name: 'teacher',
			password: 'teacher-pw',
			// The classroom's default types: enough questions for a 20-question paper.
			query: `seed=bench-live&n=${QUESTIONS}&mode=practice&marking=plain&types=mcq,statements,pairs,assertion_reason,true_false&time=none`
		});
		closeProjector = projector.close;
		const DB = `/class-${projector.code}`;
		/** Waits until the server has `open` as the open question (the projector's key reached it). */
		const opened = async (open: string | null) => {
			for (let i = 0; i < 3000; i++) {
				const security = await (await teacher.get(`${DB}/_security`)).json();
				if (security.live?.open === open) return;
				await new Promise((r) => setTimeout(r, 10));
			}
			throw new Error(`the projector never opened ${open} (is the paper shorter?)`);
		};
		if (projector.total < QUESTIONS)
			throw new Error(`the paper has ${projector.total} questions, not ${QUESTIONS}`);
		const session = (s: number) => `bench-student-${String(s).padStart(4, '0')}`;
		const students = Array.from({ length: STUDENTS }, () => new Client(server.port));
		await bounded(
			students.map((client, s) => async () => {
				await client.put(`${DB}/student:${session(s)}`, { name: `Student ${s + 1}` });
			}),
			CONCURRENCY
		);

		// The projector: follows _changes, counts, notes when each answer was first counted.
		const counted = new Map<string, LiveAnswer>();
		const countedAt = new Map<string, number>();
		let since: unknown = 0;
		let following = true;
		const follower = (async () => {
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

		// (A longpoll may wait on when the bench ends; closing the server ends it.)
		follower.catch(() => {});
		const latencies: number[] = [];
		const lags: number[] = [];
		const pageLags: number[] = [];
		const gaps: number[] = [];
		let longFrames = 0;
		let refusedLate = 0;
		const started = performance.now();
		for (let q = 1; q <= QUESTIONS; q++) {
			const id = `q${q}`;
			await projector.next();
			await opened(id);
			await projector.startFrames();
			let lastAck = 0;
			let lastAckWall = 0;
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
					lastAckWall = Math.max(lastAckWall, Date.now());
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
			// The projector page shows every answer counted: its lag, then its frames meanwhile.
			pageLags.push(
				Math.max(0, (await projector.shown(`${STUDENTS} of ${STUDENTS} answered`)) - lastAckWall)
			);
			const frames = await projector.stopFrames();
			gaps.push(...frames.gaps);
			longFrames += frames.longFrames;
			await projector.reveal();
			await opened(null);
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

		const docs = (await (
			await teacher.get(`${DB}/_all_docs?startkey="answer:"&endkey="answer;"`)
		).json()) as { rows: unknown[] };
		const expected = STUDENTS * QUESTIONS;
		console.log(
			`live bench: ${STUDENTS} students × ${QUESTIONS} questions, each answer sent twice, ${CONCURRENCY} requests in flight, ${seconds.toFixed(1)} s`
		);
		line('answer write latency (through the guard)', latencies);
		line("projector page's frame gaps while answers arrive (requestAnimationFrame)", gaps);
		console.log(
			`long animation frames (over 50 ms) while answers arrive: ${longFrames}; frames over 50 ms by their gaps: ${gaps.filter((g) => g > 50).length}`
		);
		line(
			"projector page's count lag after a question's last answer (wall clock; 0: shown before that answer's reply)",
			pageLags
		);
		line("follower's count lag after a question's last answer", lags);
		console.log(
			`counted by the projector ${counted.size} / ${expected}; answer documents on the server ${docs.rows.length}; late answers refused ${refusedLate} / ${QUESTIONS}`
		);
		if (counted.size !== expected || docs.rows.length !== expected || refusedLate !== QUESTIONS)
			wrong = true;
		console.log(wrong ? 'FAIL: a count is wrong' : 'every answer counted exactly once');
	} finally {
		await closeProjector();
		await server.close();
		rmSync(dataDir, { recursive: true, force: true });
	}
	process.exit(wrong ? 1 : 0);
}

main().catch((e: unknown) => {
	console.error('bench-live:', e);
	process.exit(1);
});
