/**
 * The embedded sync server: pouchdb-server (CouchDB's HTTP API and replication protocol) on
 * disk, behind the guard that gives each account a database of its own. The app reaches it at
 * `/sync/` through vite's proxy (vite.config.ts); docs/sync-server.md has the details and the
 * CouchDB 3 set-up for production.
 *
 *   tsx scripts/sync-server.ts        (npm start runs it beside the app)
 *
 * Environment: SYNC_PORT (the guard's port, 5985), SYNC_HOST (127.0.0.1), SYNC_DATA (the data
 * folder, `.sync-data`), SYNC_FRESH=1 (start from empty data: the end-to-end tests),
 * SYNC_SESSION_TIMEOUT (seconds a session lasts since its last use, 30 days).
 * Signals: SIGUSR1 stops the database (the guard answers 503), SIGUSR2 starts it again on the
 * same data; the tests use them to take the server down mid-sync. `<data>/sync-server.pid`
 * names the process to signal.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Couch } from './sync-couch';
import { createGuard } from './sync-guard';

export interface SyncServerOptions {
	dataDir: string;
	/** The guard's port; 0 for a free one. */
	port?: number;
	host?: string;
	/** Seconds a session cookie stays valid since its last use. */
	sessionTimeout?: number;
}

export interface SyncServer {
	/** The guard's port. */
	port: number;
	/** pouchdb-server's own port (undefined while stopped): for tests that look behind the guard. */
	databasePort: () => number | undefined;
	/** Basic auth as the server's admin. */
	adminAuthorization: string;
	/** Stops pouchdb-server: the guard answers 503 until `startDatabase`. */
	stopDatabase: () => Promise<void>;
	/** Starts pouchdb-server again on the same data. */
	startDatabase: () => Promise<void>;
	close: () => Promise<void>;
}

export const DEFAULT_SESSION_TIMEOUT = 30 * 24 * 3600;

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
	const { dataDir, port = 0, host = '127.0.0.1' } = options;
	const couch = new Couch(resolve(dataDir), options.sessionTimeout ?? DEFAULT_SESSION_TIMEOUT);
	await couch.start();
	const guard = createGuard(couch);
	await new Promise<void>((done, fail) => {
		guard.once('error', fail);
		guard.listen(port, host, () => done());
	});
	const address = guard.address();
	return {
		port: typeof address === 'object' && address ? address.port : port,
		databasePort: () => couch.port,
		adminAuthorization: couch.adminAuthorization,
		stopDatabase: () => couch.stop(),
		startDatabase: () => couch.start(),
		close: async () => {
			guard.closeAllConnections();
			await new Promise((done) => guard.close(done));
			await couch.stop();
		}
	};
}

/** What a fresh start removes from the data folder (what the server and tests/sync-fixture.ts write). */
const DATA_ENTRIES = ['db', 'config.json', '.config.json', 'admin.json', 'log.txt', 'down.lock'];

/** The sync server as the environment describes it (see the top of this file), started. */
export async function startFromEnv(env = process.env): Promise<SyncServer & { dataDir: string }> {
	const dataDir = resolve(env.SYNC_DATA || '.sync-data');
	if (env.SYNC_FRESH === '1')
		for (const entry of DATA_ENTRIES)
			rmSync(join(dataDir, entry), { recursive: true, force: true });
	const host = env.SYNC_HOST || '127.0.0.1';
	const server = await startSyncServer({
		dataDir,
		port: Number(env.SYNC_PORT || 5985),
		host,
		sessionTimeout: Number(env.SYNC_SESSION_TIMEOUT || DEFAULT_SESSION_TIMEOUT)
	});
	console.log(`Sync server on http://${host}:${server.port}, data in ${dataDir}`);
	return { ...server, dataDir };
}

async function main() {
	const server = await startFromEnv();
	const pidFile = join(server.dataDir, 'sync-server.pid');
	writeFileSync(pidFile, String(process.pid));

	// One signal at a time, in the order they came.
	let queue = Promise.resolve();
	const then = (verb: 'stop' | 'start', step: () => Promise<void>) => {
		queue = queue.then(step).then(
			() => console.log(`sync: database ${verb === 'stop' ? 'stopped' : 'started'}`),
			(e: unknown) => console.error(`sync: could not ${verb} the database:`, e)
		);
	};
	process.on('SIGUSR1', () => then('stop', server.stopDatabase));
	process.on('SIGUSR2', () => then('start', server.startDatabase));
	const quit = () => {
		rmSync(pidFile, { force: true });
		void server.close().then(() => process.exit(0));
	};
	process.on('SIGINT', quit);
	process.on('SIGTERM', quit);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().catch((e: unknown) => {
		console.error('sync server:', e);
		process.exit(1);
	});
}
