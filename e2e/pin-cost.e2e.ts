// The pin dialog's cost line (issue 16) in Chromium against `gentry serve` on a fresh demo world with one
// overlay target: opened from a regressed diff row, the dialog asks what the pin would cost; here (no
// network, a github: revision without its narHash, no local checkout) the answer is "not checked" with
// the reason, and Pin is enabled only once that answer is in. The line is compared with what
// `gentry pins add --dry-run` says for the same entry.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diff, PackageDiff, Pin, Profile, Settings } from '../common/contract/index.ts';
import type { World } from '../worlds/index.ts';
import { docsScreenshot, expect, GENTRY_BIN, type GentryDirs, profileArgs, test, xdgEnv } from './fixtures.ts';

function cli(world: World, env: NodeJS.ProcessEnv, args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [GENTRY_BIN, ...args, ...profileArgs(world)], { encoding: 'utf8', env: { ...process.env, ...env } });
}

/** A pair (previous, N) with an upgraded or downgraded selected package of one version before, which the current generation no longer has. */
function findRegression(world: World, env: NodeJS.ProcessEnv, system: Profile): { from: number; to: number; row: PackageDiff; version: string } {
  const numbers = system.generations.filter((g) => g.problem === null && g.storePath !== null).map((g) => g.number).sort((a, b) => a - b);
  const current = system.generations.find((g) => g.current);
  if (!current) throw new Error('the world has no current system generation');
  const diff = (a: number, b: number) => JSON.parse(cli(world, env, ['diff', String(a), String(b), '--json']).stdout) as Diff;
  for (let i = numbers.length - 1; i > 0; i--) {
    const from = numbers[i - 1] as number;
    const to = numbers[i] as number;
    if (to > current.number) continue;
    const toCurrent = from === current.number ? null : diff(from, current.number);
    for (const row of diff(from, to).packages) {
      if (row.status !== 'upgraded' && row.status !== 'downgraded') continue;
      if (row.selected !== 'both' || row.before.length !== 1 || row.before[0] === '' || !/^[a-z][a-z0-9-]*$/.test(row.name)) continue;
      const version = row.before[0] as string;
      const later = toCurrent?.packages.find((p) => p.name === row.name);
      if (!later || later.after.includes(version)) continue;
      return { from, to, row, version };
    }
  }
  throw new Error('the demo world has no upgraded or downgraded selected package to pin');
}

function oneTarget(dirs: GentryDirs): Settings {
  const dir = join(dirs.base, 'targets', 'system-pins');
  mkdirSync(dir, { recursive: true });
  return { version: 1, systemFlake: null, homeFlake: null, nixpkgsGit: null, overlayTargets: [{ name: 'system-pins', path: dir, kind: 'system' }], runHistoryLimitMiB: 200 };
}

test.use({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });

test('the pin dialog shows the cost line (here: not checked, with the reason) before Pin is enabled', async ({ page, launch }) => {
  test.setTimeout(240_000);
  const gentry = await launch({ fresh: { preset: 'demo' }, settings: oneTarget });
  const world = gentry.world!;
  const env = xdgEnv(gentry.dirs);
  const system = world.expected.profiles.find((p) => p.kind === 'system' && p.name === 'system') as Profile;
  const { from, to, row, version } = findRegression(world, env, system);
  const dialog = page.getByTestId('pin-dialog');
  const diffRow = page.locator(`[data-testid=diff-row][data-name="${row.name}"]`);

  await test.step(`open the pin dialog from the ${row.name} row of #${from} → #${to}`, async () => {
    await gentry.open(page);
    await page.getByTestId('profile-system-system').click();
    await page.locator(`#generation-row-${to}`).click();
    await page.getByTestId('diff-with-previous').click();
    await expect(page.locator('body')).toHaveAttribute('data-diff-ready', 'true');
    await page.getByTestId('diff-search').fill(row.name);
    await diffRow.click();
    await diffRow.getByTestId('pin-row').click();
    await expect(dialog).toHaveAttribute('data-state', 'ready');
  });

  await test.step('the cost line says "not checked" and why, as gentry pins add --dry-run does; then Pin is enabled', async () => {
    const line = dialog.getByTestId('pin-cost-line');
    await expect(line).toHaveAttribute('data-state', 'failed');
    const pin = JSON.parse((await dialog.getByTestId('pin-preview-entry').textContent()) ?? '') as Pin;
    const dry = cli(world, env, ['pins', 'add', row.name, '--overlay', join(gentry.dirs.base, 'targets', 'system-pins'), '--from-generation', String(from), '--version', version, '--dry-run', '--json']);
    expect(dry.status, dry.stderr).toBe(0);
    const { cost } = JSON.parse(dry.stdout) as { cost: { state: string; rev: string; reason: string } };
    expect(cost).toMatchObject({ state: 'failed', rev: pin.rev });
    await expect(line).toHaveText(`Cost: not checked: ${cost.reason}`);
    expect(cost.reason).toMatch(/^Nix cannot fetch github:NixOS\/nixpkgs at [0-9a-f]{12} here/);
    await expect(dialog.getByTestId('pin-confirm')).toBeEnabled();
    await page.screenshot({ path: docsScreenshot('pin-cost.png') });
  });
});
