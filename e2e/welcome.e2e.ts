// A machine without a NixOS system profile: the window offers the demo machine, builds it in the
// real Nix store, and then lists its generations.
import { join } from 'node:path';
import { loadWorld } from '../worlds/index.ts';
import { expect, test } from './fixtures.ts';

test.describe('a machine without NixOS', () => {
  test('offers the demo machine instead of an empty window, and opens it', async ({ page, launch }) => {
    test.setTimeout(120_000);
    // No world: a system profile that does not exist, and a HOME of its own.
    const gentry = await launch();

    await test.step('the welcome screen names the missing system profile', async () => {
      await page.goto(gentry.url);
      await expect(page.locator('body')).toHaveAttribute('data-screen', 'welcome');
      await expect(page.getByTestId('welcome')).toContainText(gentry.systemProfile);
    });

    await test.step('opening the demo builds it in the Nix store and lists its generations', async () => {
      await page.getByTestId('open-demo').click();
      await expect(page.locator('body')).toHaveAttribute('data-screen', 'generations', { timeout: 100_000 });
      await expect(page.getByTestId('demo-badge')).toBeVisible();
      const world = await loadWorld(join(gentry.dirs.cache, 'gentry/demo'));
      const system = world.expected.profiles[0];
      await expect(page.getByTestId('profile-system-system')).toHaveAttribute('data-count', String(system?.generations.length));
    });
  });
});
