// Pins in Chromium against `gentry serve` on a fresh demo world with two overlay targets for the system
// profile (temporary directories named in a temporary config.json): from a regressed row of a diff,
// "Pin to <before> from generation N", the preview (the pins.json entry, the problems), pinning, the
// pin in the Pins view with its problems, pins.json on disk, a conflicting pin in the other target
// found through "Find versions", and unpinning. No network: a github: source has no narHash, so the
// pin is expected to carry a no-narhash warning.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diff, PackageDiff, Pin, PinTarget, Profile, Settings } from '../common/contract/index.ts';
import type { World } from '../worlds/index.ts';
import { docsScreenshot, expect, GENTRY_BIN, type GentryDirs, profileArgs, test, xdgEnv } from './fixtures.ts';

/** A regressed row to pin, and the pair of generations it was found in. */
interface Regression {
  from: number;
  to: number;
  row: PackageDiff;
  /** The version the row had before (the one to pin). */
  version: string;
}

/** Runs the CLI against the world with the test's own config and cache, and parses its JSON. */
function cli<T>(world: World, env: NodeJS.ProcessEnv, args: string[]): T {
  const result = spawnSync(process.execPath, [GENTRY_BIN, ...args, '--json', ...profileArgs(world)], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`gentry ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/**
 * Walks back from the current system generation to a pair (previous, N) with an upgraded or downgraded
 * package that was selected and had one version before, which the current generation no longer has
 * (so the pin changes something).
 */
function findRegression(world: World, env: NodeJS.ProcessEnv, system: Profile): Regression {
  const numbers = system.generations.filter((g) => g.problem === null && g.storePath !== null).map((g) => g.number).sort((a, b) => a - b);
  const current = system.generations.find((g) => g.current);
  if (!current) throw new Error('the world has no current system generation');
  for (let i = numbers.length - 1; i > 0; i--) {
    const from = numbers[i - 1] as number;
    const to = numbers[i] as number;
    if (to > current.number) continue;
    const diff = cli<Diff>(world, env, ['diff', String(from), String(to)]);
    const toCurrent = from === current.number ? null : cli<Diff>(world, env, ['diff', String(from), String(current.number)]);
    for (const row of diff.packages) {
      if (row.status !== 'upgraded' && row.status !== 'downgraded') continue;
      if (row.selected !== 'both' || row.before.length !== 1 || row.before[0] === '' || !/^[a-z][a-z0-9-]*$/.test(row.name)) continue;
      const version = row.before[0] as string;
      // The current generation must have moved on from that version: the same name changed between `from` and now.
      const later = toCurrent?.packages.find((p) => p.name === row.name);
      if (!later || later.after.includes(version)) continue;
      return { from, to, row, version };
    }
  }
  throw new Error('the demo world has no upgraded or downgraded selected package to pin');
}

/** The pins a target's pins.json holds ([] when there is no file yet). */
function pinsOnDisk(dir: string): Pin[] {
  try {
    return (JSON.parse(readFileSync(join(dir, 'pins.json'), 'utf8')) as { pins: Pin[] }).pins;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Two overlay targets for the system profile under `dirs.base`, made empty: Gentry's settings naming them. */
function twoTargets(dirs: GentryDirs): Settings {
  const [main, other] = [targetDir(dirs, 'system-pins'), targetDir(dirs, 'other-pins')];
  for (const dir of [main, other]) mkdirSync(dir, { recursive: true });
  return {
    version: 1,
    systemFlake: null,
    homeFlake: null,
    nixpkgsGit: null,
    overlayTargets: [
      { name: 'system-pins', path: main, kind: 'system' },
      { name: 'other-pins', path: other, kind: 'system' },
    ],
    runHistoryLimitMiB: 200,
  };
}

/** The directory of overlay target `name` made by twoTargets. */
function targetDir(dirs: GentryDirs, name: string): string {
  return join(dirs.base, 'targets', name);
}

test.use({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });

test.describe('pins', () => {
  test('pins a regressed package from a diff, shows it with its problems, and unpins it', async ({ page, launch }) => {
    test.setTimeout(240_000);
    const gentry = await launch({ fresh: { preset: 'demo' }, settings: twoTargets });
    const world = gentry.world!;
    const env = xdgEnv(gentry.dirs);
    const mainDir = targetDir(gentry.dirs, 'system-pins');
    const otherDir = targetDir(gentry.dirs, 'other-pins');
    const system = world.expected.profiles.find((p) => p.kind === 'system' && p.name === 'system') as Profile;
    const regression = findRegression(world, env, system);
    const { row, version } = regression;
    const dialog = page.getByTestId('pin-dialog');
    const diffRow = page.locator(`[data-testid=diff-row][data-name="${row.name}"]`);
    const target = page.locator('[data-testid=pin-target][data-name=system-pins]');
    const entry = target.locator(`[data-testid=pin-entry][data-attr="${row.name}"]`);

    await test.step('the Pins view lists both targets, empty, each with its wiring line', async () => {
      await gentry.open(page);
      await page.getByTestId('nav-pins').click();
      await expect(page.getByTestId('pins-view')).toHaveAttribute('data-state', 'ready');
      await expect(page.getByTestId('pin-target')).toHaveCount(2);
      await expect(target).toHaveAttribute('data-count', '0');
      await expect(page.locator('[data-testid=pin-target][data-name=system-pins] [data-testid=pin-wiring-line]')).not.toBeEmpty();
    });

    await test.step(`the diff #${regression.from} → #${regression.to} offers "Pin to ${version} from generation ${regression.from}" on the ${row.name} row`, async () => {
      await page.getByTestId('nav-generations').click();
      await page.getByTestId('profile-system-system').click();
      await page.locator(`#generation-row-${regression.to}`).click();
      await page.getByTestId('diff-with-previous').click();
      await expect(page.getByTestId('diff-view')).toHaveAttribute('data-from', `system:system:${regression.from}`);
      await expect(page.locator('body')).toHaveAttribute('data-diff-ready', 'true');
      await page.getByTestId('diff-search').fill(row.name);
      await expect(diffRow).toHaveAttribute('data-before', version);
      await expect(diffRow.getByTestId('pin-badge')).toHaveCount(0);
      await diffRow.click();
      const action = diffRow.getByTestId('pin-row');
      await expect(action).toHaveText(`Pin to ${version} from generation ${regression.from}…`);
      await action.click();
    });

    const previewed = await test.step('the preview shows the entry as it will be written, and its problems (no network: no narHash)', async () => {
      await expect(dialog).toHaveAttribute('data-state', 'ready');
      await expect(dialog.getByTestId('pin-target-choice')).toHaveValue('system-pins');
      const entryText = await dialog.getByTestId('pin-preview-entry').textContent();
      const pin = JSON.parse(entryText ?? '') as Pin;
      expect(pin).toMatchObject({ attr: row.name, version, fromGeneration: { number: regression.from } });
      expect(pin.source).toMatch(/^github:/);
      expect(pin.narHash).toBeNull();
      await expect(dialog.locator('[data-testid=pin-problem][data-kind=no-narhash]')).toHaveCount(1);
      expect(pinsOnDisk(mainDir), 'nothing is written before confirming').toEqual([]);
      return pin;
    });

    await test.step('a reason is previewed again; confirming writes pins.json with exactly the previewed entry', async () => {
      await dialog.getByTestId('pin-reason').fill('regressed in the e2e test');
      await expect.poll(async () => (JSON.parse((await dialog.getByTestId('pin-preview-entry').textContent()) ?? '{}') as Pin).reason).toBe('regressed in the e2e test');
      await expect(dialog).toHaveAttribute('data-state', 'ready');
      await page.screenshot({ path: 'test-results/pins-preview.png' });
      await dialog.getByTestId('pin-confirm').click();
      await expect(dialog).toHaveAttribute('data-state', 'done');
      await expect(dialog.getByTestId('pin-wiring-line')).not.toBeEmpty();
      // Written: pins.json holds exactly the previewed entry (and overlay.nix is there).
      const written = pinsOnDisk(mainDir);
      expect(written).toHaveLength(1);
      const { created: _previewedAt, ...same } = previewed; // the preview's clock ran a moment earlier
      expect(written[0]).toMatchObject({ ...same, reason: 'regressed in the e2e test' });
      expect(Date.parse(written[0]!.created)).toBeGreaterThanOrEqual(Date.parse(previewed.created));
      expect(readFileSync(join(mainDir, 'overlay.nix'), 'utf8')).toContain('pins.json');
    });

    await test.step('back in the diff, the row wears its pin badge, coloured by its worst problem', async () => {
      await dialog.getByTestId('pin-cancel').click();
      await expect(dialog).toHaveCount(0);
      const badge = diffRow.getByTestId('pin-badge');
      await expect(badge).toHaveAttribute('data-version', version);
      await expect(badge).toHaveAttribute('data-severity', /^(warning|error)$/);
      await page.screenshot({ path: 'test-results/pins-diff.png' });
    });

    await test.step('the Pins view shows the pin with its origin, reason, age, "not active yet" and problems', async () => {
      await page.keyboard.press('Escape');
      await page.getByTestId('nav-pins').click();
      await expect(target).toHaveAttribute('data-count', '1');
      await expect(entry).toHaveAttribute('data-version', version);
      await expect(entry).toHaveAttribute('data-carried', 'false');
      await expect(entry).toContainText('regressed in the e2e test');
      await expect(entry).toContainText(`#${regression.from}`);
      await expect(entry.locator('[data-field=age]')).toHaveText('today');
      await expect(entry.locator('[data-testid=pin-problem][data-kind=no-narhash]')).toHaveCount(1);
    });

    await test.step('the UI and gentry pins list report the same problems', async () => {
      const listed = cli<PinTarget>(world, env, ['pins', 'list', '--overlay', mainDir]);
      expect(listed.pins.map((p) => p.attr)).toEqual([row.name]);
      const cliKinds = listed.problems.filter((p) => p.attr === row.name).map((p) => p.kind).sort();
      const uiKinds = (await entry.getByTestId('pin-problem').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind') ?? ''))).sort();
      expect(uiKinds).toEqual(cliKinds);
      await page.screenshot({ path: docsScreenshot('pins.png') });
    });

    // Find versions: the version pinned and the one after it are on this machine; pinning the newer one
    // in the other system target is a conflict, reported before anything is written, and refused.
    await test.step('Find versions lists both versions; pinning the newer one in the other target is a conflict, refused', async () => {
      await page.getByTestId('pin-find-input').fill(row.name);
      await page.getByTestId('pin-find').click();
      const versions = page.getByTestId('pin-version');
      await expect(versions.and(page.locator(`[data-version="${version}"]`))).toHaveCount(1);
      const other = (row.after[0] ?? '') as string;
      const otherRow = versions.and(page.locator(`[data-version="${other}"]`));
      await expect(otherRow).toHaveCount(1);
      await otherRow.getByTestId('pin-version-pin').click();
      await expect(dialog).toHaveAttribute('data-state', 'ready');
      await dialog.getByTestId('pin-target-choice').selectOption('other-pins');
      await expect(dialog).toHaveAttribute('data-target', 'other-pins');
      await expect(dialog).toHaveAttribute('data-state', 'ready');
      await expect(dialog.locator('[data-testid=pin-problem][data-kind=conflict]')).not.toHaveCount(0);
      await expect(dialog.getByTestId('pin-blocked')).toBeVisible();
      await expect(dialog.getByTestId('pin-confirm')).toBeDisabled();
      await page.screenshot({ path: 'test-results/pins-conflict.png' });
      await dialog.getByTestId('pin-cancel').click();
      expect(pinsOnDisk(otherDir)).toEqual([]);
    });

    await test.step('unpin asks first (Keep changes nothing); confirmed, pins.json no longer has the entry', async () => {
      await entry.getByTestId('pin-unpin').click();
      await entry.getByTestId('pin-unpin-keep').click();
      expect(pinsOnDisk(mainDir)).toHaveLength(1);
      await entry.getByTestId('pin-unpin').click();
      await entry.getByTestId('pin-unpin-confirm').click();
      await expect(target).toHaveAttribute('data-count', '0');
      await expect(target.getByTestId('pin-none')).toBeVisible();
      expect(pinsOnDisk(mainDir)).toEqual([]);
    });
  });

  test('without targets, explains what a target is and adds one to the settings', async ({ page, world, launch }) => {
    test.setTimeout(60_000);
    // The worker's world, read only; no overlay target in the settings.
    const gentry = await launch({ world });

    await test.step('with no overlay target, the Pins view explains what one is', async () => {
      await gentry.open(page);
      await page.getByTestId('nav-pins').click();
      await expect(page.getByTestId('pins-view')).toHaveAttribute('data-state', 'empty');
      await expect(page.getByTestId('pins-empty')).toContainText('overlay target');
    });

    await test.step('its Settings link leads to the Settings section, and back', async () => {
      await page.getByTestId('pins-open-settings').click();
      await expect(page.locator('body')).toHaveAttribute('data-screen', 'settings');
      await page.getByTestId('nav-pins').click();
      await expect(page.getByTestId('pins-view')).toHaveAttribute('data-state', 'empty');
    });

    await test.step('a relative directory is refused in the form; an absolute one is saved to config.json', async () => {
      const dir = join(gentry.dirs.base, 'targets/added');
      await page.getByTestId('pin-target-path').fill('relative/dir');
      await page.getByTestId('pin-target-add').click();
      await expect(page.getByTestId('pin-target-form').getByRole('alert')).toContainText('absolute');
      await page.getByTestId('pin-target-path').fill(dir);
      await page.getByTestId('pin-target-add').click();
      await expect(page.getByTestId('pins-view')).toHaveAttribute('data-state', 'ready');
      await expect(page.locator('[data-testid=pin-target][data-name=system-pins]')).toHaveAttribute('data-kind', 'system');
      const saved = JSON.parse(readFileSync(join(gentry.dirs.config, 'gentry/config.json'), 'utf8')) as Settings;
      expect(saved.overlayTargets).toEqual([{ name: 'system-pins', path: dir, kind: 'system' }]);
    });
  });
});
