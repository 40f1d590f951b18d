/**
 * `npm start` (after the build): the built app (vite preview, http://localhost:4173) and the
 * sync server beside it (scripts/sync-server.ts: port 5985, data in `.sync-data/`), the app
 * reaching it at `/sync/`. Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';
import { startFromEnv } from './sync-server';

const sync = await startFromEnv();
const preview = spawn('node_modules/.bin/vite', ['preview', '--port', '4173', '--strictPort'], {
	stdio: 'inherit',
	env: { ...process.env, SYNC_PORT: String(sync.port) }
});

let stopping = false;
async function stop(code: number) {
	if (stopping) return;
	stopping = true;
	preview.kill('SIGTERM');
	await sync.close();
	process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
preview.on('exit', (code) => void stop(code ?? 0));
