// The Settings section in Chromium against a `gentry serve` of this spec's own (fresh config directory, the
// real helper named by GENTRY_HELPER so a system rebuild can become available): a flake reference the
// contract refuses shows its error inline and is never saved; a good one is saved to config.json and makes
// "Rebuild the system" available; overlay targets are added, checked, saved, read back and removed.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, type Page, test } from '@playwright/test';
import { buildHelperBinary } from '../main/helper/helper-binary.ts';
import { readState } from './server-fixture.ts';
import { loadWorld } from '../worlds/index.ts';

const repo = join(import.meta.dirname, '..');

test.describe('settings', () => {
  let child: ChildProcess;
  let url: string;
  let base: string;
  let configFile: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const helper = buildHelperBinary(repo);
    const world = await loadWorld(readState().worldRoot);
    base = mkdtempSync(join(tmpdir(), 'gentry-e2e-settings-'));
    for (const dir of ['cache', 'state', 'config']) mkdirSync(join(base, dir));
    configFile = join(base, 'config/gentry/config.json');
    // The shared world, read only: this spec changes settings, never a profile.
    child = spawn(process.execPath, [join(repo, 'bin/gentry.js'), 'serve', '--port', '0', '--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, GENTRY_HELPER: helper, GENTRY_HELPER_ROOT: world.root, XDG_CACHE_HOME: join(base, 'cache'), XDG_STATE_HOME: join(base, 'state'), XDG_CONFIG_HOME: join(base, 'config') },
    });
    url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`gentry serve exited with ${code}`)));
    });
    child.stdout!.resume();
  });

  test.afterAll(() => {
    child?.kill('SIGTERM');
    if (base) rmSync(base, { recursive: true, force: true });
  });

  async function openSettings(page: Page): Promise<void> {
    await page.goto(url);
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-view')).toBeVisible();
  }

  const saved = () => JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;

  test('a bad flake reference is refused inline; a good one is saved and makes the system rebuild available', async ({ page }) => {
    await openSettings(page);
    const flake = page.getByTestId('settings-field-systemFlake');
    await expect(flake).toHaveValue('');
    await expect(page.getByTestId('settings-save')).toBeDisabled();
    const readiness = page.locator('[data-testid=settings-recipe][data-recipe-id=rebuild-system]');
    await expect(readiness).toHaveAttribute('data-available', 'false');
    await expect(readiness).toContainText('system flake');

    // Not a flake reference Gentry accepts: the contract's schema says so while typing, and nothing is sent.
    await flake.fill('nixos config');
    await expect(page.getByTestId('settings-error-systemFlake')).toContainText('A flake reference is a path');
    await expect(flake).toHaveAttribute('aria-invalid', 'true');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-problems')).toHaveText('One field needs fixing before saving.');
    expect(existsSync(configFile), 'nothing was written').toBe(false);

    await flake.fill('/etc/nixos#atlas');
    await expect(page.getByTestId('settings-error-systemFlake')).toHaveCount(0);
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();
    expect(saved()).toMatchObject({ version: 1, systemFlake: '/etc/nixos#atlas', homeFlake: null });
    await expect(readiness).toHaveAttribute('data-available', 'true');
    await page.screenshot({ path: 'test-results/settings.png' });

    // The Rebuild section agrees, and shows the command Gentry built from the setting.
    await page.getByTestId('nav-runs').click();
    const card = page.locator('[data-testid=recipe][data-recipe-id=rebuild-system]');
    await expect(card).toHaveAttribute('data-available', 'true');
    await card.click();
    await expect(page.getByTestId('recipe-command')).toContainText('--flake /etc/nixos#atlas');
    await expect(page.getByTestId('recipe-modes')).toBeVisible();

    // Cleared again: back to unavailable.
    await page.getByTestId('nav-settings').click();
    await flake.fill('');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();
    expect(saved()).toMatchObject({ systemFlake: null });
    await expect(readiness).toHaveAttribute('data-available', 'false');
  });

  test('overlay targets and the history limit are checked, saved, read back and removed', async ({ page }) => {
    await openSettings(page);
    const limit = page.getByTestId('settings-field-runHistoryLimitMiB');
    await limit.fill('0');
    await expect(page.getByTestId('settings-error-runHistoryLimitMiB')).toHaveText('A whole number of MiB, from 1 to 100000.');
    await limit.fill('64');
    await expect(page.getByTestId('settings-error-runHistoryLimitMiB')).toHaveCount(0);

    await page.getByTestId('settings-target-add').click();
    const row = page.getByTestId('settings-target-row');
    await expect(row).toHaveCount(1);
    // A blank new row is not yet a mistake; Save shows what is missing.
    await expect(row.getByTestId('settings-target-error')).toHaveCount(0);
    await page.getByTestId('settings-save').click();
    await expect(row.getByTestId('settings-target-error')).toHaveCount(2);
    await row.getByTestId('settings-target-name').fill('my pins');
    await expect(row.getByTestId('settings-target-error').first()).toContainText('Letters, digits');
    await row.getByTestId('settings-target-name').fill('home-pins');
    await row.getByTestId('settings-target-path').fill(join(base, 'pins'));
    await row.getByTestId('settings-target-kind').selectOption('home');
    await expect(row.getByTestId('settings-target-error')).toHaveCount(0);
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();
    expect(saved()).toMatchObject({ runHistoryLimitMiB: 64, overlayTargets: [{ name: 'home-pins', path: join(base, 'pins'), kind: 'home' }] });

    // Read back after a reload.
    await openSettings(page);
    await expect(limit).toHaveValue('64');
    await expect(row.getByTestId('settings-target-name')).toHaveValue('home-pins');
    await expect(row.getByTestId('settings-target-kind')).toHaveValue('home');

    await row.getByTestId('settings-target-remove').click();
    await expect(row).toHaveCount(0);
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();
    expect(saved()).toMatchObject({ overlayTargets: [] });
  });
});
