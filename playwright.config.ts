// Playwright e2e in web mode: Debian's Chromium against `gentry serve` on a real world (e2e/fixtures.ts builds
// the worlds and starts the servers).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.e2e.ts',
  timeout: 60_000,
  forbidOnly: true,
  retries: 0,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '.test-counts/e2e.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.GENTRY_CHROMIUM ?? '/usr/bin/chromium',
      // No D-Bus for the browser: Chromium aborts when the system bus it joined goes away, and the polkit tests
      // start and stop a system bus on this machine.
      env: { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/nonexistent/gentry-e2e-no-bus', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/gentry-e2e-no-bus' },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
  },
});
