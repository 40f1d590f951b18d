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
	projects: [
		// Each project in one theme, so that every page is checked (axe included) in both.
		{
			name: 'Desktop Chrome',
			use: { ...devices['Desktop Chrome'], colorScheme: 'light', launchOptions }
		},
		{ name: 'Pixel 7', use: { ...devices['Pixel 7'], colorScheme: 'dark', launchOptions } }
	]
});
