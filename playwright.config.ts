import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions as launchOptions } from './tests/chromium';

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
	// The app is mobile first: every test runs on a phone (dark theme) unless it is tagged
	// @desktop (a projector, a printed worksheet, the keyboard). Tests tagged @both (axe on
	// every page, the theme switch, reduced motion) run on the desktop too, in the light theme,
	// so that every page is checked in both themes. Running everything twice took the suite
	// past its 10 minutes for no more coverage.
	projects: [
		{
			name: 'Desktop Chrome',
			grep: /@desktop|@both/,
			use: { ...devices['Desktop Chrome'], colorScheme: 'light', launchOptions }
		},
		{
			name: 'Pixel 7',
			grepInvert: /@desktop/,
			use: { ...devices['Pixel 7'], colorScheme: 'dark', launchOptions }
		}
	]
});
