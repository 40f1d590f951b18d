/**
 * The Chromium to drive: env CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's
 * own (where `npx playwright install` can download it). Shared by the tests and the bench.
 */
import { existsSync } from 'node:fs';

export const chromiumLaunchOptions = {
	executablePath:
		process.env.CHROMIUM_PATH ||
		(existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
	// Flags that work on a sandboxed CI machine with a closed network.
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};
