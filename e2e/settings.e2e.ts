// The Settings section in Chromium against a `gentry serve` of this spec's own (fresh config directory, the
// real helper named by GENTRY_HELPER so a system rebuild can become available): a flake reference the
// contract refuses shows its error inline and is never saved; a good one is saved to config.json and makes
// "Rebuild the system" available; overlay targets are added, checked, saved, read back and removed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type GentryServer, test } from './fixtures.ts';

test.describe('settings', () => {
  let gentry: GentryServer;
  let configFile: string;

  // The worker's world, read only: this spec changes settings, never a profile. Each test has a server of its own.
  test.beforeEach(async ({ world, helperBinary, launch }) => {
    gentry = await launch({ world, helper: helperBinary });
    configFile = join(gentry.dirs.config, 'gentry/config.json');
  });

  async function openSettings(page: Page): Promise<void> {
    await gentry.open(page);
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-view')).toBeVisible();
  }

  const saved = () => JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;

  test('a bad flake reference is refused inline; a good one is saved and makes the system rebuild available', async ({ page }) => {
    const flake = page.getByTestId('settings-field-systemFlake');
    const readiness = page.locator('[data-testid=settings-recipe][data-recipe-id=rebuild-system]');

    await test.step('with no system flake set, the system rebuild is unavailable and says why', async () => {
      await openSettings(page);
      await expect(flake).toHaveValue('');
      await expect(page.getByTestId('settings-save')).toBeDisabled();
      await expect(readiness).toHaveAttribute('data-available', 'false');
      await expect(readiness).toContainText('system flake');
    });

    await test.step('a reference the contract refuses is flagged while typing, and Save writes nothing', async () => {
      await flake.fill('nixos config');
      await expect(page.getByTestId('settings-error-systemFlake')).toContainText('A flake reference is a path');
      await expect(flake).toHaveAttribute('aria-invalid', 'true');
      await page.getByTestId('settings-save').click();
      await expect(page.getByTestId('settings-problems')).toHaveText('One field needs fixing before saving.');
      expect(existsSync(configFile), 'nothing was written').toBe(false);
    });

    await test.step('a good reference is saved to config.json and makes the system rebuild available', async () => {
      await flake.fill('/etc/nixos#atlas');
      await expect(page.getByTestId('settings-error-systemFlake')).toHaveCount(0);
      await page.getByTestId('settings-save').click();
      await expect(page.getByTestId('settings-saved')).toBeVisible();
      expect(saved()).toMatchObject({ version: 1, systemFlake: '/etc/nixos#atlas', homeFlake: null });
      await expect(readiness).toHaveAttribute('data-available', 'true');
      await page.screenshot({ path: 'test-results/settings.png' });
    });

    await test.step('the Rebuild section agrees, and shows the command built from the setting', async () => {
      await page.getByTestId('nav-runs').click();
      const card = page.locator('[data-testid=recipe][data-recipe-id=rebuild-system]');
      await expect(card).toHaveAttribute('data-available', 'true');
      await card.click();
      await expect(page.getByTestId('recipe-command')).toContainText('--flake /etc/nixos#atlas');
      await expect(page.getByTestId('recipe-modes')).toBeVisible();
    });

    await test.step('cleared again, the system rebuild is unavailable again', async () => {
      await page.getByTestId('nav-settings').click();
      await flake.fill('');
      await page.getByTestId('settings-save').click();
      await expect(page.getByTestId('settings-saved')).toBeVisible();
      expect(saved()).toMatchObject({ systemFlake: null });
      await expect(readiness).toHaveAttribute('data-available', 'false');
    });
  });

  test('overlay targets and the history limit are checked, saved, read back and removed', async ({ page }) => {
    const limit = page.getByTestId('settings-field-runHistoryLimitMiB');
    const row = page.getByTestId('settings-target-row');
    const pins = join(gentry.dirs.base, 'pins');

    await test.step('a history limit out of range is flagged; a good one is accepted', async () => {
      await openSettings(page);
      await limit.fill('0');
      await expect(page.getByTestId('settings-error-runHistoryLimitMiB')).toHaveText('A whole number of MiB, from 1 to 100000.');
      await limit.fill('64');
      await expect(page.getByTestId('settings-error-runHistoryLimitMiB')).toHaveCount(0);
    });

    await test.step('a new overlay target row is checked on Save, fixed, and saved with the limit', async () => {
      await page.getByTestId('settings-target-add').click();
      await expect(row).toHaveCount(1);
      // A blank new row is not yet a mistake; Save shows what is missing.
      await expect(row.getByTestId('settings-target-error')).toHaveCount(0);
      await page.getByTestId('settings-save').click();
      await expect(row.getByTestId('settings-target-error')).toHaveCount(2);
      await row.getByTestId('settings-target-name').fill('my pins');
      await expect(row.getByTestId('settings-target-error').first()).toContainText('Letters, digits');
      await row.getByTestId('settings-target-name').fill('home-pins');
      await row.getByTestId('settings-target-path').fill(pins);
      await row.getByTestId('settings-target-kind').selectOption('home');
      await expect(row.getByTestId('settings-target-error')).toHaveCount(0);
      await page.getByTestId('settings-save').click();
      await expect(page.getByTestId('settings-saved')).toBeVisible();
      expect(saved()).toMatchObject({ runHistoryLimitMiB: 64, overlayTargets: [{ name: 'home-pins', path: pins, kind: 'home' }] });
    });

    await test.step('after a reload the form reads the saved settings back', async () => {
      await openSettings(page);
      await expect(limit).toHaveValue('64');
      await expect(row.getByTestId('settings-target-name')).toHaveValue('home-pins');
      await expect(row.getByTestId('settings-target-kind')).toHaveValue('home');
    });

    await test.step('removing the target saves an empty list', async () => {
      await row.getByTestId('settings-target-remove').click();
      await expect(row).toHaveCount(0);
      await page.getByTestId('settings-save').click();
      await expect(page.getByTestId('settings-saved')).toBeVisible();
      expect(saved()).toMatchObject({ overlayTargets: [] });
    });
  });
});
