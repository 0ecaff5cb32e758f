// A machine without a NixOS system profile: the window offers the demo machine, builds it in the
// real Nix store, and then lists its generations.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test } from '@playwright/test';
import { loadWorld, removeWorld } from '../worlds/index.ts';

test.describe('a machine without NixOS', () => {
  let child: ChildProcess;
  let url: string;
  let home: string;

  test.beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'gentry-e2e-home-'));
    const bin = join(import.meta.dirname, '../bin/gentry.js');
    child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--system-profile', join(home, 'no-nixos/profiles/system')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), XDG_STATE_HOME: join(home, '.local/state') },
    });
    url = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  });

  test.afterAll(async () => {
    child?.kill('SIGTERM');
    const demoDir = join(home, '.cache/gentry/demo');
    try {
      await removeWorld(await loadWorld(demoDir));
    } catch {
      // no demo was built
    }
    rmSync(home, { recursive: true, force: true });
  });

  test('offers the demo machine instead of an empty window, and opens it', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(url);
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'welcome');
    await expect(page.getByTestId('welcome')).toContainText(join(home, 'no-nixos/profiles/system'));
    await page.getByTestId('open-demo').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'generations', { timeout: 100_000 });
    await expect(page.getByTestId('demo-badge')).toBeVisible();
    const world = await loadWorld(join(home, '.cache/gentry/demo'));
    const system = world.expected.profiles[0];
    await expect(page.getByTestId('profile-system-system')).toHaveAttribute('data-count', String(system?.generations.length));
  });
});
