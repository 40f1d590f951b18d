/**
 * The worker that runs the backup jobs (backup-jobs.ts) off the page: it opens the app's
 * database itself (the same IndexedDB, a connection of its own) and answers each request
 * with progress messages, then its result or error (the protocol is in jobs.ts).
 */
import { Repository } from '$lib/storage/repository';
import { backupJobs, type BackupJobTypes } from './backup-jobs';
import { serveJobs, type WorkerScope } from './jobs';

let opening: Promise<Repository> | null = null;

serveJobs<BackupJobTypes>(
	self as unknown as WorkerScope,
	backupJobs(() => (opening ??= Repository.open()))
);
