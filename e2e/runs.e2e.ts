// The rebuild terminal in Chromium against `gentry demo` and `gentry serve`: a demo build (six small real
// derivations built by nix-build) shows its log in xterm and its counts in the progress panel, lands in the
// run history, survives leaving the section and a reload, and reopens read-only; a second run stopped midway
// is kept as stopped. Then, on a world of its own with the real helper, a system rebuild (a stand-in for
// nixos-rebuild that makes a new generation, named in the helper's config) lands on the new generation's diff.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Diff, DiffStatus, Profile } from '../common/contract/index.ts';
import { demoBuildExpression } from '../main/runs/recipes.ts';
import { docsScreenshot, expect, GENTRY_BIN, type GentryServer, profileArgs, test, unexpectedConsoleErrors, violatedDirectives } from './fixtures.ts';

const NIX_ENV = { ...process.env, NIX_CONFIG: 'substituters =\nexperimental-features = nix-command' };

/** The text of the terminal's rows on screen. */
function screenText(page: Page) {
  return page.getByTestId('terminal-screen').locator('.xterm-rows');
}

/** Opens the app and the Rebuild section. */
async function openRuns(page: Page, gentry: GentryServer): Promise<void> {
  await gentry.open(page);
  await page.getByTestId('nav-runs').click();
  await expect(page.getByTestId('runs-view')).toBeVisible();
  await expect(page.getByTestId('terminal-screen')).toHaveAttribute('data-ready', 'true');
}

/**
 * The derivations the demo build of run `runId` makes, as Nix itself counts them: its expression (the file
 * Gentry writes for the run and removes afterwards, made again here from the run ID) instantiated, then the
 * closure of the derivation.
 */
function demoDerivations(runId: string, dir: string): string[] {
  const expression = join(dir, `${runId}.nix`);
  writeFileSync(expression, demoBuildExpression(runId));
  const instantiated = spawnSync('nix-instantiate', [expression], { encoding: 'utf8', env: NIX_ENV });
  if (instantiated.status !== 0) throw new Error(`nix-instantiate ${expression} failed: ${instantiated.stderr}`);
  const drv = instantiated.stdout.trim();
  const closure = spawnSync('nix-store', ['--query', '--requisites', drv], { encoding: 'utf8', env: NIX_ENV });
  if (closure.status !== 0) throw new Error(`nix-store --query --requisites ${drv} failed: ${closure.stderr}`);
  // The expression's builders are /bin/sh with no inputs from the store: every derivation in the closure is one of its own.
  return closure.stdout.split('\n').filter((path) => path.endsWith('.drv'));
}

/** The name of a derivation's output (`/nix/store/<hash>-demo-top-x.drv` → `demo-top-x`). */
function outputName(drv: string): string {
  return drv.replace(/^\/nix\/store\/[0-9a-z]{32}-/, '').replace(/\.drv$/, '');
}

// The worker's world looked at as a demo machine (where the demo build may run) by the worker's `gentry demo`;
// both demo-build tests use it: the second finds the first one's run in the history.
test.describe('the rebuild terminal on the demo machine', () => {
  test('a demo build shows its log and progress, lands in the history, and reopens read-only', async ({ page, gentryDemo: gentry, consoleErrors }) => {
    test.setTimeout(120_000);
    const card = page.locator('[data-testid=recipe][data-recipe-id=demo-build]');
    const terminal = page.getByTestId('terminal');

    await test.step('the demo build is available; what cannot run on a demo machine says why', async () => {
      await openRuns(page, gentry);
      await expect(card).toHaveAttribute('data-available', 'true');
      await expect(page.locator('[data-testid=recipe][data-recipe-id=rebuild-system]')).toHaveAttribute('data-available', 'false');
      await expect(page.locator('[data-testid=recipe][data-recipe-id=rebuild-system] [data-testid=recipe-unavailable]')).toContainText('demo');
      await card.click();
      await expect(page.getByTestId('recipe-command')).toContainText('nix-build');
    });

    const runId = await test.step('started, it shows the builders\' own log lines while it runs, and succeeds', async () => {
      await page.getByTestId('recipe-start').click();
      await expect(terminal).toHaveAttribute('data-showing', 'live');
      const id = await terminal.getAttribute('data-run-id');
      expect(id).toMatch(/^[0-9]{8}T[0-9]{6}Z-[a-z0-9]{6}$/);
      await expect(screenText(page)).toContainText('configuring');
      await expect(page.locator(`[data-testid=run-row][data-run-id="${id}"]`)).toHaveAttribute('data-state', /running|succeeded/);
      await expect(terminal).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
      await expect(screenText(page)).toContainText('assembling top from b, d and e');
      return id!;
    });

    const derivations = await test.step('the progress counts match the derivations Nix finds in the expression; none failed', async () => {
      const drvs = demoDerivations(runId, gentry.dirs.base);
      expect(drvs).toHaveLength(6);
      await expect(page.getByTestId('progress-builds-expected')).toHaveAttribute('data-value', String(drvs.length));
      await expect(page.getByTestId('progress-builds-done')).toHaveAttribute('data-value', String(drvs.length));
      await expect(page.getByTestId('progress-builds-failed')).toHaveAttribute('data-value', '0');
      await expect(page.getByTestId('progress-builds-running')).toHaveAttribute('data-value', '0');
      await expect(page.getByTestId('progress-bar')).toHaveAttribute('aria-valuenow', String(drvs.length));
      return drvs;
    });

    await test.step('the output path the log names is valid in the store, and xterm draws under the strict CSP', async () => {
      const top = derivations.find((drv) => outputName(drv).includes('top'));
      expect(top, 'the expression has a top derivation').toBeDefined();
      const out = new RegExp(`/nix/store/[0-9a-z]{32}-${outputName(top!)}(?=\\s|$)`, 'm').exec(await screenText(page).innerText())?.[0];
      expect(out, 'the log ends with the built path').toBeDefined();
      expect(spawnSync('nix-store', ['--check-validity', out!], { env: NIX_ENV }).status).toBe(0);
      // xterm's layout rules reached the rows (copied into allowed sheets).
      await expect(screenText(page)).toHaveCSS('white-space', 'pre');
    });

    const row = page.locator(`[data-testid=run-row][data-run-id="${runId}"]`);
    await test.step('the history has it: succeeded, exit 0, the demo build', async () => {
      await expect(row).toHaveAttribute('data-state', 'succeeded');
      await expect(row).toHaveAttribute('data-exit-code', '0');
      await expect(row).toHaveAttribute('data-recipe', 'demo-build');
    });

    await test.step('Ctrl+F finds a lone match and keeps it selected across a resize and Enter', async () => {
      await page.getByTestId('terminal-screen').click();
      await page.keyboard.press('Control+f');
      await page.getByTestId('terminal-search-input').fill('tests passed');
      await expect(page.getByTestId('terminal-search-count')).toHaveText('1 match');
      // The match is selected, so it can be copied.
      await expect(page.getByTestId('terminal-copy')).toHaveText('Copy selection');
      // A change of the terminal's height (xterm clears the selection whenever its row count changes) keeps it:
      // this is what used to drop the lone match when the refit after the search box opened came late.
      const screen = page.getByTestId('terminal-screen');
      const rowsBefore = Number(await screen.getAttribute('data-rows'));
      const viewport = page.viewportSize()!;
      await page.setViewportSize({ width: viewport.width, height: viewport.height - 120 });
      await expect(screen).not.toHaveAttribute('data-rows', String(rowsBefore));
      await expect(page.getByTestId('terminal-copy')).toHaveText('Copy selection');
      await page.setViewportSize(viewport);
      await expect(screen).toHaveAttribute('data-rows', String(rowsBefore));
      await expect(page.getByTestId('terminal-copy')).toHaveText('Copy selection');
      // Enter on the lone match keeps it selected.
      await page.getByTestId('terminal-search-input').press('Enter');
      await expect(page.getByTestId('terminal-search-count')).toHaveText('1 match');
      await expect(page.getByTestId('terminal-copy')).toHaveText('Copy selection');
      await page.getByTestId('terminal-search-input').fill('no such words');
      await expect(page.getByTestId('terminal-search-count')).toHaveText('No matches');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('terminal-search')).toHaveCount(0);
    });

    await test.step('the session survives leaving the section', async () => {
      await page.getByTestId('nav-generations').click();
      await expect(page.getByTestId('runs-view')).toHaveCount(0);
      await page.getByTestId('nav-runs').click();
      await expect(terminal).toHaveAttribute('data-run-id', runId);
      await expect(screenText(page)).toContainText('assembling top from b, d and e');
      await page.screenshot({ path: docsScreenshot('runs.png') });
      // xterm's own <style> elements never reached the page (the policy would have refused them): their copies did the work.
      expect(await violatedDirectives(page)).not.toContain('style-src-elem');
    });

    await test.step('after a reload the history still lists it, and choosing it shows its log read-only', async () => {
      await openRuns(page, gentry);
      await expect(page.getByTestId('terminal')).toHaveAttribute('data-showing', 'none');
      await row.click();
      await expect(terminal).toHaveAttribute('data-showing', 'history');
      await expect(terminal).toHaveAttribute('data-loading', 'false');
      await expect(terminal).toHaveAttribute('data-run-id', runId);
      await expect(screenText(page)).toContainText('assembling top from b, d and e');
      await expect(page.getByTestId('terminal-screen')).toHaveAttribute('data-interactive', 'false');
      await expect(page.getByTestId('progress-builds-done')).toHaveAttribute('data-value', String(derivations.length));
      expect(await violatedDirectives(page)).not.toContain('style-src-elem');
      expect(unexpectedConsoleErrors(consoleErrors), 'no errors in the console (CSP included)').toEqual([]);
    });
  });

  test('a run stopped midway is kept as stopped', async ({ page, gentryDemo: gentry, consoleErrors }) => {
    test.setTimeout(90_000);
    const terminal = page.getByTestId('terminal');

    const runId = await test.step('a second demo build starts', async () => {
      await openRuns(page, gentry);
      await page.locator('[data-testid=recipe][data-recipe-id=demo-build]').click();
      await page.getByTestId('recipe-start').click();
      await expect(terminal).toHaveAttribute('data-state', 'running');
      return (await terminal.getAttribute('data-run-id'))!;
    });

    await test.step('stopped once the first builds are under way, it is kept as stopped, before every derivation was built', async () => {
      await expect(screenText(page)).toContainText('configuring');
      await page.getByTestId('run-stop').click();
      await expect(terminal).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 });
      await expect(page.getByTestId('run-stop')).toHaveCount(0);
      const row = page.locator(`[data-testid=run-row][data-run-id="${runId}"]`);
      await expect(row).toHaveAttribute('data-state', 'stopped');
      const done = Number(await page.getByTestId('progress-builds-done').getAttribute('data-value'));
      const expected = Number(await page.getByTestId('progress-builds-expected').getAttribute('data-value'));
      expect(done, 'stopped before every derivation was built').toBeLessThan(expected);
    });

    await test.step('it is first in the history, above the earlier run', async () => {
      await expect(page.getByTestId('run-row').first()).toHaveAttribute('data-run-id', runId);
      expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    });
  });
});

const KINDS: readonly DiffStatus[] = ['upgraded', 'downgraded', 'changed', 'added', 'removed', 'rebuilt'];

test.describe('a system rebuild through the helper', () => {
  test('switch makes a new generation and its diff opens', async ({ page, launch, helperBinary }) => {
    test.setTimeout(120_000);
    // A world of this test's own: the rebuild makes a new generation in it.
    const gentry = await launch({ fresh: { preset: 'small' }, helper: helperBinary });
    const world = gentry.world!;
    const { dirs } = gentry;
    const system = world.expected.profiles.find((p) => p.kind === 'system' && p.name === 'system') as Profile;
    const current = system.generations.find((g) => g.current);
    const older = system.generations.find((g) => !g.current && g.storePath !== null && g.problem === null && g.number < (current?.number ?? 0) - 2);
    if (!current || !older?.storePath) throw new Error('the small world lacks the generations this test needs');
    const next = Math.max(...system.generations.map((g) => g.number)) + 1;

    await test.step('the helper\'s config names a stand-in for nixos-rebuild that makes a new generation', async () => {
      // It prints a few lines and makes generation `next` (an older generation's system, so the diff is not empty) current.
      const fake = join(dirs.base, 'nixos-rebuild');
      writeFileSync(fake, [
        '#!/bin/sh',
        'echo "building the system configuration..."',
        `echo "nixos-rebuild stand-in: $*"`,
        `/bin/ln -s '${older.storePath}' '${join(world.profilesDir, `system-${next}-link`)}' || exit 1`,
        `/bin/ln -sfn 'system-${next}-link' '${world.systemProfile}' || exit 1`,
        'echo "activating the configuration..."',
        '',
      ].join('\n'));
      chmodSync(fake, 0o755);
      mkdirSync(join(world.root, 'etc/gentry'), { recursive: true });
      writeFileSync(join(world.root, 'etc/gentry/helper.conf'), `nixos-rebuild = ${fake}\n`, { mode: 0o644 });
    });

    await test.step('the system flake is set in Settings; then the recipe can run, in switch mode', async () => {
      await gentry.open(page);
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-field-systemFlake').fill('/etc/nixos#e2e');
      await page.getByTestId('settings-save').click();
      await expect(page.getByTestId('settings-saved')).toBeVisible();
      expect(JSON.parse(readFileSync(join(dirs.config, 'gentry/config.json'), 'utf8'))).toMatchObject({ systemFlake: '/etc/nixos#e2e' });
      await page.getByTestId('nav-runs').click();
      const card = page.locator('[data-testid=recipe][data-recipe-id=rebuild-system]');
      await expect(card).toHaveAttribute('data-available', 'true');
      await card.click();
      await page.getByTestId('recipe-mode-switch').click();
      await expect(page.getByTestId('recipe-start')).toHaveText('Start (switch)');
      await page.getByTestId('recipe-start').click();
    });

    await test.step(`the run ends, generation #${next} is detected, and the diff against #${current.number} opens by itself`, async () => {
      await expect(page.getByTestId('diff-view')).toHaveAttribute('data-to', `system:system:${next}`, { timeout: 60_000 });
      await expect(page.getByTestId('diff-view')).toHaveAttribute('data-from', `system:system:${current.number}`);
      await expect(page.locator('body')).toHaveAttribute('data-diff-ready', 'true');
      const cli = spawnSync(process.execPath, [GENTRY_BIN, 'diff', String(current.number), String(next), '--json', ...profileArgs(world)], {
        encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: dirs.cache },
      });
      expect(cli.status, cli.stderr).toBe(0);
      const diff = JSON.parse(cli.stdout) as Diff;
      expect(diff.packages.length).toBeGreaterThan(0);
      for (const kind of KINDS) {
        await expect(page.getByTestId('diff-summary').locator(`[data-kind=${kind}]`)).toHaveAttribute('data-count', String(diff.summary[kind]));
      }
    });

    await test.step('back in the Rebuild section: the run succeeded, names its generation, and logged the stand-in\'s lines', async () => {
      await page.keyboard.press('Escape');
      await page.getByTestId('nav-runs').click();
      await expect(page.getByTestId('terminal')).toHaveAttribute('data-state', 'succeeded');
      await expect(page.getByTestId('run-generation-ready')).toHaveAttribute('data-number', String(next));
      await expect(screenText(page)).toContainText('nixos-rebuild stand-in: switch --flake /etc/nixos#e2e');
      await expect(page.getByTestId('run-row').first()).toHaveAttribute('data-state', 'succeeded');
    });
  });
});

test.describe('the Rebuild view, legible', () => {
  test('at 1024 px with nothing able to run: every title and reason whole, text at 4.5:1 or more, the command as it would run', async ({ page, launch }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1024, height: 700 });
    const gentry = await launch({ fresh: { preset: 'small' }, helper: '/nonexistent/gentry-helper', settings: { version: 1, systemFlake: '/nonexistent/flake#host', homeFlake: null, nixpkgsGit: null, overlayTargets: [], runHistoryLimitMiB: 512 } });
    await gentry.open(page);
    await page.getByTestId('nav-runs').click();
    const cards = page.getByTestId('recipe');
    await expect(cards.first()).toBeVisible();
    // Each text of each card: not clipped (its full height and width are shown) and its contrast with the card's background.
    const texts = (await page.evaluate(`(() => {
      const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      return [...document.querySelectorAll('[data-testid=recipe]')].flatMap((card) => {
        const bg = getComputedStyle(card).backgroundColor;
        return [...card.querySelectorAll('.recipe-title, .recipe-description, .recipe-unavailable')].map((el) => ({
          recipe: card.getAttribute('data-recipe-id'), part: el.className, text: el.textContent,
          clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
          contrast: Math.round(ratio(getComputedStyle(el).color, bg) * 100) / 100,
        }));
      });
    })()`)) as { recipe: string; part: string; text: string; clipped: boolean; contrast: number }[];
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((t) => t.clipped)).toEqual([]);
    expect(texts.filter((t) => t.contrast < 4.5)).toEqual([]);
    // The system rebuild: refused for the reason the machine has, its command for the mode shown, the modes not looking active.
    const card = page.locator('[data-testid=recipe][data-recipe-id=rebuild-system]');
    await expect(card).toHaveAttribute('data-available', 'false');
    await card.click();
    await expect(page.getByTestId('recipe-command')).toHaveText(/rebuild --mode switch --flake \/nonexistent\/flake#host$/);
    await expect(page.getByTestId('recipe-command')).not.toContainText('|');
    await expect(page.getByTestId('recipe-modes')).toHaveAttribute('data-blocked', 'true');
    await expect(page.getByTestId('recipe-mode-boot')).toBeDisabled();
    const flake = page.locator('[data-testid=recipe][data-recipe-id=update-flake]');
    await expect(flake.getByTestId('recipe-unavailable')).toHaveText('/nonexistent/flake does not exist. Set the system flake in Settings to the directory that holds your flake.nix.');
    await page.screenshot({ path: docsScreenshot('runs-unavailable.png') });
  });
});
