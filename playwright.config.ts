import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions as launchOptions } from './tests/chromium';
import { syncDataDir, syncPort } from './tests/sync-fixture';

// E2E_PORT lets two checkouts (git worktrees) run their end-to-end tests side by side; the
// sync server listens on E2E_PORT + 1000.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	workers: 2,
	// Two workers on two cores, with axe runs of several seconds each: a minute per test.
	timeout: 60_000,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure'
	},
	webServer: [
		{
			// The embedded sync server, on fresh data in a temporary folder (tests/sync-fixture.ts).
			command: 'node --import tsx scripts/sync-server.ts',
			env: { SYNC_PORT: String(syncPort()), SYNC_DATA: syncDataDir(), SYNC_FRESH: '1' },
			url: `http://127.0.0.1:${syncPort()}/`,
			reuseExistingServer: !process.env.CI,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 5000 },
			timeout: 60_000
		},
		{
			// The built app, served as it ships (the build also validates the bank), its /sync/ proxied
			// to the sync server above.
			command: `npm run build && npx vite preview --port ${port} --strictPort`,
			env: { SYNC_PORT: String(syncPort()) },
			port,
			reuseExistingServer: !process.env.CI,
			timeout: 180_000
		}
	],
	// The app is mobile first: every test runs on a phone (dark theme) unless it is tagged
	// @desktop (a projector, a printed worksheet, the keyboard). Tests tagged @both (axe on
	// every page, the theme switch, reduced motion) run on the desktop too, in the light theme,
	// so that every page is checked in both themes. Running everything twice took the suite
	// past its 10 minutes for no more coverage.
	projects: [
		{
			name: 'Desktop Chrome',
			grep: /@desktop|@both/,
			grepInvert: /@server-down/,
			use: { ...devices['Desktop Chrome'], colorScheme: 'light', launchOptions }
		},
		{
			name: 'Pixel 7',
			grepInvert: /@desktop|@server-down/,
			use: { ...devices['Pixel 7'], colorScheme: 'dark', launchOptions }
		},
		// Tests that take the one sync server down (@server-down) would fail any other test that
		// talks to it meanwhile: they run after every other test, one at a time.
		{
			name: 'Sync server down',
			grep: /@server-down/,
			dependencies: ['Desktop Chrome', 'Pixel 7'],
			workers: 1,
			use: { ...devices['Pixel 7'], colorScheme: 'dark', launchOptions }
		}
	]
});
