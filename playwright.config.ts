import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * The browser: env CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own
 * (on a machine where `npx playwright install` can download it).
 */
const executablePath =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const launchOptions = {
	executablePath,
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

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	workers: 2,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: 'http://localhost:4173',
		trace: 'retain-on-failure'
	},
	webServer: {
		// The built app, served as it ships (the build also validates the bank).
		command: 'npm run build && npm run preview',
		port: 4173,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000
	},
	projects: [
		{ name: 'Desktop Chrome', use: { ...devices['Desktop Chrome'], launchOptions } },
		{ name: 'Pixel 7', use: { ...devices['Pixel 7'], launchOptions } }
	]
});
