// The rebuild terminal in Chromium against `gentry demo` and `gentry serve`: a demo build (six small real
// derivations built by nix-build) shows its log in xterm and its counts in the progress panel, lands in the
// run history, survives leaving the section and a reload, and reopens read-only; a second run stopped midway
// is kept as stopped. Then, on a world of its own with the real helper, a system rebuild (a stand-in for
// nixos-rebuild that makes a new generation, named in the helper's config) lands on the new generation's diff.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, type Page, test } from '@playwright/test';
import type { Diff, DiffStatus, Profile } from '../common/contract/index.ts';
import { buildHelperBinary } from '../main/helper/helper-binary.ts';
import { demoBuildExpression } from '../main/runs/recipes.ts';
import { docsScreenshot, readState } from './server-fixture.ts';
import { buildWorld, removeWorld, type World } from '../worlds/index.ts';

const repo = join(import.meta.dirname, '..');
const bin = join(repo, 'bin/gentry.js');
const NIX_ENV = { ...process.env, NIX_CONFIG: 'substituters =\nexperimental-features = nix-command' };

/** Fresh cache, state and config directories, so a spec's runs and settings never touch anyone else's. */
function freshDirs(label: string) {
  const base = mkdtempSync(join(tmpdir(), `gentry-e2e-${label}-`));
  const dirs = { base, cache: join(base, 'cache'), state: join(base, 'state'), config: join(base, 'config') };
  for (const dir of [dirs.cache, dirs.state, dirs.config]) mkdirSync(dir);
  return dirs;
}

/** Starts `gentry ARGS` and waits for the URL it prints first. */
async function startGentry(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`gentry ${args[0]} exited with ${code}`)));
  });
  child.stdout!.resume();
  return { child, url };
}

/** The text of the terminal's rows on screen. */
function screenText(page: Page) {
  return page.getByTestId('terminal-screen').locator('.xterm-rows');
}

/**
 * The console errors a spec does not accept. One kind is expected: xterm's DOM renderer paints the cells of a
 * selection (a search match too) through `style` attributes, which the page's CSP refuses; the selection layer
 * beneath shows them anyway, so those reports say nothing is broken.
 */
function unexpected(errors: readonly string[]): string[] {
  return errors.filter((text) => !(text.startsWith('Applying inline style violates') && text.includes('style attributes')));
}

/** The CSP directives the page has reported as violated since it loaded (recorded by an init script). */
async function violatedDirectives(page: Page): Promise<string[]> {
  return (await page.evaluate('window.gentryCsp')) as string[];
}

/** Opens the app and the Rebuild section. */
async function openRuns(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
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

test.describe('the rebuild terminal on the demo machine', () => {
  let server: { child: ChildProcess; url: string };
  let dirs: ReturnType<typeof freshDirs>;
  const consoleProblems: string[] = [];

  test.beforeAll(async () => {
    // The global setup's world, looked at as a demo machine (where the demo build may run) by a server of this spec's own.
    dirs = freshDirs('runs');
    server = await startGentry(['demo', '--dir', readState().worldRoot, '--port', '0', '--no-open'], {
      ...process.env, XDG_CACHE_HOME: dirs.cache, XDG_STATE_HOME: dirs.state, XDG_CONFIG_HOME: dirs.config,
    });
  });

  test.afterAll(() => {
    server?.child.kill('SIGTERM');
    if (dirs) rmSync(dirs.base, { recursive: true, force: true });
  });

  test.beforeEach(async ({ page }) => {
    page.on('console', (message) => {
      if (message.type() === 'error') consoleProblems.push(message.text());
    });
    await page.addInitScript({
      content: "window.gentryCsp = []; document.addEventListener('securitypolicyviolation', (event) => window.gentryCsp.push(event.effectiveDirective));",
    });
  });

  test('a demo build shows its log and progress, lands in the history, and reopens read-only', async ({ page }) => {
    test.setTimeout(120_000);
    await openRuns(page, server.url);
    const card = page.locator('[data-testid=recipe][data-recipe-id=demo-build]');
    await expect(card).toHaveAttribute('data-available', 'true');
    // What cannot run on a demo machine says why.
    await expect(page.locator('[data-testid=recipe][data-recipe-id=rebuild-system]')).toHaveAttribute('data-available', 'false');
    await expect(page.locator('[data-testid=recipe][data-recipe-id=rebuild-system] [data-testid=recipe-unavailable]')).toContainText('demo');
    await card.click();
    await expect(page.getByTestId('recipe-command')).toContainText('nix-build');
    await page.getByTestId('recipe-start').click();

    const terminal = page.getByTestId('terminal');
    await expect(terminal).toHaveAttribute('data-showing', 'live');
    const runId = await terminal.getAttribute('data-run-id');
    expect(runId).toMatch(/^[0-9]{8}T[0-9]{6}Z-[a-z0-9]{6}$/);
    // Log lines appear while it runs: the builders' own output, as a person would see it.
    await expect(screenText(page)).toContainText('configuring');
    await expect(page.locator(`[data-testid=run-row][data-run-id="${runId}"]`)).toHaveAttribute('data-state', /running|succeeded/);
    await expect(terminal).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
    await expect(screenText(page)).toContainText('assembling top from b, d and e');

    // The counts: done = expected = the derivations Nix itself finds in the expression the run built; none failed.
    const derivations = demoDerivations(runId!, dirs.base);
    expect(derivations).toHaveLength(6);
    await expect(page.getByTestId('progress-builds-expected')).toHaveAttribute('data-value', String(derivations.length));
    await expect(page.getByTestId('progress-builds-done')).toHaveAttribute('data-value', String(derivations.length));
    await expect(page.getByTestId('progress-builds-failed')).toHaveAttribute('data-value', '0');
    await expect(page.getByTestId('progress-builds-running')).toHaveAttribute('data-value', '0');
    await expect(page.getByTestId('progress-bar')).toHaveAttribute('aria-valuenow', String(derivations.length));

    // The output path the log names is real and valid in the store.
    const top = derivations.find((drv) => outputName(drv).includes('top'));
    expect(top, 'the expression has a top derivation').toBeDefined();
    const out = new RegExp(`/nix/store/[0-9a-z]{32}-${outputName(top!)}(?=\\s|$)`, 'm').exec(await screenText(page).innerText())?.[0];
    expect(out, 'the log ends with the built path').toBeDefined();
    expect(spawnSync('nix-store', ['--check-validity', out!], { env: NIX_ENV }).status).toBe(0);

    // xterm draws under the page's strict CSP: its layout rules reached the rows (copied into allowed sheets).
    await expect(screenText(page)).toHaveCSS('white-space', 'pre');

    // The history has it, succeeded, exit 0.
    const row = page.locator(`[data-testid=run-row][data-run-id="${runId}"]`);
    await expect(row).toHaveAttribute('data-state', 'succeeded');
    await expect(row).toHaveAttribute('data-exit-code', '0');
    await expect(row).toHaveAttribute('data-recipe', 'demo-build');

    // Search in the log (Ctrl+F inside the terminal).
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

    // The session survives leaving the section.
    await page.getByTestId('nav-generations').click();
    await expect(page.getByTestId('runs-view')).toHaveCount(0);
    await page.getByTestId('nav-runs').click();
    await expect(terminal).toHaveAttribute('data-run-id', runId!);
    await expect(screenText(page)).toContainText('assembling top from b, d and e');
    await page.screenshot({ path: docsScreenshot('runs.png') });
    // xterm's own <style> elements never reached the page (the policy would have refused them): their copies did the work.
    expect(await violatedDirectives(page)).not.toContain('style-src-elem');

    // After a reload the history still lists it, and choosing it shows its log read-only.
    await openRuns(page, server.url);
    await expect(page.getByTestId('terminal')).toHaveAttribute('data-showing', 'none');
    await row.click();
    await expect(terminal).toHaveAttribute('data-showing', 'history');
    await expect(terminal).toHaveAttribute('data-loading', 'false');
    await expect(terminal).toHaveAttribute('data-run-id', runId!);
    await expect(screenText(page)).toContainText('assembling top from b, d and e');
    await expect(page.getByTestId('terminal-screen')).toHaveAttribute('data-interactive', 'false');
    await expect(page.getByTestId('progress-builds-done')).toHaveAttribute('data-value', String(derivations.length));
    expect(await violatedDirectives(page)).not.toContain('style-src-elem');
    expect(unexpected(consoleProblems), 'no errors in the console (CSP included)').toEqual([]);
  });

  test('a run stopped midway is kept as stopped', async ({ page }) => {
    test.setTimeout(90_000);
    await openRuns(page, server.url);
    await page.locator('[data-testid=recipe][data-recipe-id=demo-build]').click();
    await page.getByTestId('recipe-start').click();
    const terminal = page.getByTestId('terminal');
    await expect(terminal).toHaveAttribute('data-state', 'running');
    const runId = await terminal.getAttribute('data-run-id');
    // Stop once the first builds are under way.
    await expect(screenText(page)).toContainText('configuring');
    await page.getByTestId('run-stop').click();
    await expect(terminal).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 });
    await expect(page.getByTestId('run-stop')).toHaveCount(0);
    const row = page.locator(`[data-testid=run-row][data-run-id="${runId}"]`);
    await expect(row).toHaveAttribute('data-state', 'stopped');
    const done = Number(await page.getByTestId('progress-builds-done').getAttribute('data-value'));
    const expected = Number(await page.getByTestId('progress-builds-expected').getAttribute('data-value'));
    expect(done, 'stopped before every derivation was built').toBeLessThan(expected);
    // Newest first in the history.
    await expect(page.getByTestId('run-row').first()).toHaveAttribute('data-run-id', runId!);
    expect(unexpected(consoleProblems)).toEqual([]);
  });
});

const KINDS: readonly DiffStatus[] = ['upgraded', 'downgraded', 'changed', 'added', 'removed', 'rebuilt'];

test.describe('a system rebuild through the helper', () => {
  let world: World;
  let server: { child: ChildProcess; url: string };
  let dirs: ReturnType<typeof freshDirs>;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const helper = buildHelperBinary(repo);
    world = await buildWorld({ preset: 'small' });
    dirs = freshDirs('rebuild');
    server = await startGentry(
      ['serve', '--port', '0', '--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem],
      { ...process.env, GENTRY_HELPER: helper, GENTRY_HELPER_ROOT: world.root, XDG_CACHE_HOME: dirs.cache, XDG_STATE_HOME: dirs.state, XDG_CONFIG_HOME: dirs.config },
    );
  });

  test.afterAll(async () => {
    server?.child.kill('SIGTERM');
    if (world) await removeWorld(world);
    if (dirs) rmSync(dirs.base, { recursive: true, force: true });
  });

  test('switch makes a new generation and its diff opens', async ({ page }) => {
    test.setTimeout(120_000);
    const system = world.expected.profiles.find((p) => p.kind === 'system' && p.name === 'system') as Profile;
    const current = system.generations.find((g) => g.current);
    const older = system.generations.find((g) => !g.current && g.storePath !== null && g.problem === null && g.number < (current?.number ?? 0) - 2);
    if (!current || !older?.storePath) throw new Error('the small world lacks the generations this test needs');
    const next = Math.max(...system.generations.map((g) => g.number)) + 1;

    // A stand-in for nixos-rebuild (the helper runs the one its root-owned config names): it prints a few
    // lines and makes generation `next` (an older generation's system, so the diff is not empty) current.
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

    // The system flake is set in Settings; then the recipe can run.
    await page.goto(server.url);
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
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

    // The run ends, its generation is detected, and the diff of previous → new opens by itself.
    await expect(page.getByTestId('diff-view')).toHaveAttribute('data-to', `system:system:${next}`, { timeout: 60_000 });
    await expect(page.getByTestId('diff-view')).toHaveAttribute('data-from', `system:system:${current.number}`);
    await expect(page.locator('body')).toHaveAttribute('data-diff-ready', 'true');
    const cli = spawnSync(process.execPath, [
      bin, 'diff', String(current.number), String(next), '--json',
      '--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem,
    ], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: dirs.cache } });
    expect(cli.status, cli.stderr).toBe(0);
    const diff = JSON.parse(cli.stdout) as Diff;
    expect(diff.packages.length).toBeGreaterThan(0);
    for (const kind of KINDS) {
      await expect(page.getByTestId('diff-summary').locator(`[data-kind=${kind}]`)).toHaveAttribute('data-count', String(diff.summary[kind]));
    }

    // Back in the Rebuild section: the run succeeded, says which generation it made, and its log has the stand-in's lines.
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-runs').click();
    await expect(page.getByTestId('terminal')).toHaveAttribute('data-state', 'succeeded');
    await expect(page.getByTestId('run-generation-ready')).toHaveAttribute('data-number', String(next));
    await expect(screenText(page)).toContainText('nixos-rebuild stand-in: switch --flake /etc/nixos#e2e');
    await expect(page.getByTestId('run-row').first()).toHaveAttribute('data-state', 'succeeded');
  });
});
