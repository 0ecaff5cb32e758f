// Test tiers by runtime (shared/STYLE.md habit 10): unit tests beside the code, integration tests that
// spawn real processes (real Nix, real servers), and Playwright e2e (playwright.config.ts, not here).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{common,main,preload,renderer,e2e,worlds,test-support,bench,scripts,nix,packaging}/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{common,main,preload,renderer,e2e,worlds,test-support,bench,scripts,nix,packaging}/**/*.integration.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Worlds live in the one real Nix store; two cores: run files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
