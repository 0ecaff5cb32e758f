// Actions on generations in Chromium against `gentry serve` on a fresh small world, with the real helper
// run directly (GENTRY_HELPER, no pkexec): switch, boot, delete, switch home-manager, a GC dry run, and a real GC
// with every other store path rooted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Generation, Profile } from '../common/contract/index.ts';
import { expect, type GentryServer, test } from './fixtures.ts';

/** Opens the app and selects a profile. */
async function openProfile(page: Page, gentry: GentryServer, profile: Profile): Promise<void> {
  await gentry.open(page);
  await page.getByTestId(`profile-${profile.kind}-${profile.name}`).click();
  await expect(page.getByTestId('profile-pane')).toHaveAttribute('data-profile', `${profile.kind}:${profile.name}`);
}

/** The row of generation `number`. */
function row(page: Page, number: number) {
  return page.locator(`[data-testid=generation-row][data-number="${number}"]`);
}

/** Generations that may be switched to or deleted: neither current nor booted, readable. */
function plain(profile: Profile): Generation[] {
  return profile.generations.filter((g) => !g.current && !g.booted && g.problem === null && g.storePath !== null);
}

test.describe('actions on generations', () => {
  test('switches, boots, deletes, switches home-manager, previews a GC and collects', async ({ page, launch, helperBinary }) => {
    test.setTimeout(180_000);
    // A world of this test's own: every step changes it.
    const gentry = await launch({ fresh: { preset: 'small' }, helper: helperBinary });
    const world = gentry.world!;
    const system = world.expected.profiles.find((p) => p.kind === 'system' && p.name === 'system') as Profile;
    const home = world.expected.profiles.find((p) => p.kind === 'home') as Profile;
    const booted = system.generations.find((g) => g.booted);
    const candidates = plain(system);
    expect(candidates.length, 'the small world has enough old system generations').toBeGreaterThanOrEqual(4);
    const [oldA, oldB, bootTarget, switchTarget] = candidates as [Generation, Generation, Generation, Generation];
    const dialog = page.getByTestId('action-dialog');
    const checkbox = (number: number) => page.locator(`[data-testid=select-generation][data-number="${number}"]`);

    await test.step(`switch to an older system generation (#${switchTarget.number}): a preview with a diff, then the helper runs`, async () => {
      await openProfile(page, gentry, system);
      await row(page, switchTarget.number).click();
      await page.getByTestId('action-switch').click();
      await expect(dialog).toHaveAttribute('data-action', 'switch');
      await expect(dialog).toHaveAttribute('data-state', 'ready');
      await expect(dialog.getByTestId('switch-preview')).toBeVisible();
      expect(Number(await dialog.getByTestId('switch-preview').getAttribute('data-count'))).toBeGreaterThan(0);
      await expect(dialog.getByTestId('switch-preview-row').first()).toBeVisible();
      await expect(page.getByTestId('action-confirm')).toHaveText(`Switch to #${switchTarget.number}`);
      await page.screenshot({ path: 'test-results/actions.png' });
      await page.getByTestId('action-confirm').click();
      await expect(dialog).toHaveAttribute('data-state', 'done');
      await expect(page.getByTestId('action-outcome')).toHaveAttribute('data-state', 'done');
      await page.getByTestId('action-cancel').click();
      await expect(dialog).toHaveCount(0);
      await expect(row(page, switchTarget.number)).toHaveAttribute('data-current', 'true');
      expect(readFileSync(world.switchLog, 'utf8')).toContain('\tswitch');
    });

    await test.step(`boot into #${bootTarget.number} next time, from the keyboard (Escape cancels the first dialog)`, async () => {
      await row(page, bootTarget.number).click();
      await page.getByTestId('action-boot').click();
      await expect(dialog).toHaveAttribute('data-state', 'ready');
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await page.getByTestId('action-boot').click();
      await expect(dialog).toHaveAttribute('data-state', 'ready');
      await expect(page.getByTestId('action-confirm')).toHaveText(`Boot into #${bootTarget.number}`);
      await page.getByTestId('action-confirm').click();
      await expect(page.getByTestId('action-outcome')).toHaveAttribute('data-state', 'done');
      await page.getByTestId('action-cancel').click();
      expect(readFileSync(world.switchLog, 'utf8')).toMatch(/\tboot\t/);
      // Booting sets the profile too, as nixos-rebuild boot does: the boot target is the current generation now.
      await expect(row(page, bootTarget.number)).toHaveAttribute('data-current', 'true');
    });
    const current = bootTarget;

    await test.step('the current and booted generations cannot be ticked for deletion, by mouse or by Space', async () => {
      await expect(checkbox(current.number)).toBeDisabled();
      if (booted) await expect(checkbox(booted.number)).toBeDisabled();
      await checkbox(current.number).click({ force: true });
      await row(page, current.number).click();
      await page.getByTestId('generation-list').focus();
      await page.keyboard.press('Space');
      await expect(page.getByTestId('delete-bar')).toHaveAttribute('data-count', '0');
      await expect(page.getByTestId('action-delete-selected')).toBeDisabled();
    });

    await test.step('delete two old generations: the preview says what becomes collectable', async () => {
      await checkbox(oldA.number).check();
      await row(page, oldB.number).click();
      await page.getByTestId('generation-list').focus();
      await page.keyboard.press('Space');
      await expect(checkbox(oldB.number)).toBeChecked();
      await expect(page.getByTestId('action-delete-selected')).toHaveText('Delete 2 generations…');
      await page.getByTestId('action-delete-selected').click();
      await expect(dialog).toHaveAttribute('data-state', 'ready');
      await expect(dialog.getByTestId('delete-preview')).toContainText('become collectable');
      expect(Number(await dialog.getByTestId('delete-preview').getAttribute('data-bytes'))).toBeGreaterThan(0);
      await page.getByTestId('action-confirm').click();
      await expect(page.getByTestId('action-outcome')).toHaveAttribute('data-state', 'done');
      await page.getByTestId('action-cancel').click();
      await expect(row(page, oldA.number)).toHaveCount(0);
      await expect(row(page, oldB.number)).toHaveCount(0);
      await expect(page.getByTestId('generation-list')).toHaveAttribute('data-count', String(system.generations.length - 2));
    });

    await test.step('switch a home-manager generation: the outcome is what the world\'s activate script gives', async () => {
      const homeTarget = plain(home)[0] as Generation;
      const script = readFileSync(join(homeTarget.storePath as string, 'activate'), 'utf8');
      const expected = /^exit 0\s*$/m.test(script) ? 'done' : 'failed';
      await openProfile(page, gentry, home);
      await row(page, homeTarget.number).click();
      await expect(page.getByTestId('action-boot')).toHaveCount(0);
      await page.getByTestId('action-switch').click();
      await expect(dialog).toHaveAttribute('data-state', 'ready');
      await page.getByTestId('action-confirm').click();
      await expect(page.getByTestId('action-outcome')).toHaveAttribute('data-state', expected);
      await page.getByTestId('action-cancel').click();
      if (expected === 'done') await expect(row(page, homeTarget.number)).toHaveAttribute('data-current', 'true');
    });

    await test.step('the GC dry run shows a number (or why it could not), and is cancelled', async () => {
      await page.getByTestId('action-gc').click();
      await expect(dialog).toHaveAttribute('data-action', 'gc');
      await expect(dialog).toContainText('pkexec');
      await expect(dialog).toHaveAttribute('data-state', /ready|failed/, { timeout: 60_000 }); // the dry run waits for Nix's GC lock
      if ((await dialog.getAttribute('data-state')) === 'ready') {
        await expect(dialog.getByTestId('gc-preview')).toContainText(/\d/);
      } else {
        await expect(dialog.getByTestId('action-preview-outcome')).toBeVisible();
      }
      await page.getByTestId('action-cancel').click();
      await expect(dialog).toHaveCount(0);
    });

    // A real GC deletes every unrooted path of this machine's store: root every entry there first,
    // add one unrooted decoy, collect from the UI, and check that only the decoy went.
    await test.step('a real GC, with every other store path rooted, collects only an unrooted decoy', async () => {
      const env = { ...process.env, NIX_CONFIG: 'substituters =\nexperimental-features = nix-command' };
      const decoyDir = mkdtempSync(join(tmpdir(), 'gentry-e2e-decoy-'));
      writeFileSync(join(decoyDir, `gentry-e2e-gc-decoy-${world.id}`), 'garbage\n');
      const decoy = spawnSync('nix-store', ['--add', join(decoyDir, `gentry-e2e-gc-decoy-${world.id}`)], { env, encoding: 'utf8' }).stdout.trim();
      rmSync(decoyDir, { recursive: true, force: true });
      expect(decoy).toMatch(/^\/nix\/store\//);
      const keep = mkdtempSync('/nix/var/nix/gcroots/gentry-e2e-');
      try {
        for (const name of readdirSync('/nix/store')) {
          if (`/nix/store/${name}` !== decoy && !name.startsWith('.')) symlinkSync(`/nix/store/${name}`, join(keep, name));
        }
        await page.getByTestId('action-gc').click();
        await expect(dialog).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
        await page.getByTestId('action-confirm').click();
        await expect(page.getByTestId('action-outcome')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
        expect(spawnSync('nix-store', ['--check-validity', decoy], { env }).status).not.toBe(0);
        const worldPaths = readFileSync(join(world.root, 'store-paths.txt'), 'utf8').trim().split('\n');
        const check = spawnSync('nix-store', ['--check-validity', ...worldPaths], { env, encoding: 'utf8' });
        expect(check.status, check.stderr).toBe(0);
        await page.getByTestId('action-cancel').click();
      } finally {
        rmSync(keep, { recursive: true, force: true });
      }
    });
  });
});

test.describe('actions refused before any preview', () => {
  test('with a helper that cannot run, every privileged action is disabled and says why; home-manager\'s are not', async ({ page, launch }) => {
    test.setTimeout(120_000);
    // GENTRY_HELPER names a binary that does not exist: the helper cannot run, deterministically on any machine.
    const gentry = await launch({ fresh: { preset: 'small' }, helper: '/nonexistent/gentry-helper' });
    const world = gentry.world!;
    const system = world.expected.profiles.find((p) => p.kind === 'system' && p.name === 'system') as Profile;
    const target = plain(system)[0] as Generation;
    const reason = 'The helper binary Gentry was started with (/nonexistent/gentry-helper) does not exist or cannot be run.';

    await openProfile(page, gentry, system);
    await row(page, target.number).click();
    await expect(page.getByTestId('action-switch')).toBeDisabled();
    await expect(page.getByTestId('action-switch')).toHaveAttribute('data-blocked', 'true');
    await expect(page.getByTestId('action-switch')).toHaveAttribute('title', new RegExp(reason.replace(/[()./]/g, '\\$&')));
    await expect(page.getByTestId('actions-blocked')).toContainText(reason);
    await expect(page.getByTestId('action-gc')).toBeDisabled();
    await expect(page.getByTestId('action-delete-selected')).toHaveAttribute('data-blocked', 'true');
    await expect(page.getByTestId('action-dialog')).toHaveCount(0);

    const home = world.expected.profiles.find((p) => p.kind === 'home') as Profile;
    const homeTarget = plain(home)[0] as Generation;
    await page.getByTestId(`profile-${home.kind}-${home.name}`).click();
    await row(page, homeTarget.number).click();
    await expect(page.getByTestId('action-switch')).toBeEnabled();
    await expect(page.getByTestId('action-switch')).toHaveAttribute('data-blocked', 'false');
  });
});
