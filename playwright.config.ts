import { defineConfig } from '@playwright/test';

// Browser journeys run against the production build on the embedded database, with the demo
// seeded on a fresh data directory. Chromium is Debian's (apt install chromium), never a download.
const port = Number(process.env.E2E_PORT ?? 3210);
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password-123';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	timeout: 60_000,
	// Two cores run the server, two browsers and axe scans at once: allow slow steps.
	expect: { timeout: 15_000 },
	workers: 2,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
		}
	},
	webServer: {
		command: `rm -rf tmp/e2e-data && node bin/convene.js serve --demo --port ${port}`,
		url: `http://127.0.0.1:${port}/`,
		timeout: 90_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			CONVENE_DATA_DIR: 'tmp/e2e-data',
			CONVENE_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
			ORIGIN: `http://127.0.0.1:${port}`,
			HOST: '127.0.0.1',
			// Every journey runs from 127.0.0.1: the limits are raised for the suite and tested on a
			// server of their own (tests/e2e/abuse-limits.e2e.ts).
			CONVENE_LIMITS: 'form-client=5000/600,link-client=1000/3600,link-address=100/3600,password-client=1000/900',
			// The digest of answers to comments waits 30 s after the first answer rather than an hour: long
			// enough for a journey's several answers to go in one email (with 0, a job tick falling between
			// two answers sent the first alone, and the second waited a day), short enough to wait for.
			CONVENE_COMMENT_DIGEST_QUIET_SECONDS: '30'
		}
	}
});
