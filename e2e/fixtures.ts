// The e2e specs' one fixture: a real world built in the Nix store and `gentry serve` (or `gentry demo`) on it,
// with fresh cache, state and config directories, both taken down after use. A spec that only reads shares
// the worker's world and servers (`world`, `gentry`, `gentryDemo`); a spec that changes state, or needs a
// server of its own, calls `launch`.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';
import type { Settings } from '../common/contract/index.ts';
import { buildHelperBinary } from '../main/helper/helper-binary.ts';
import { buildWorld, loadWorld, removeWorld, type World, type WorldOptions } from '../worlds/index.ts';

const repo = join(import.meta.dirname, '..');
/** bin/gentry.js of this checkout. */
export const GENTRY_BIN = join(repo, 'bin/gentry.js');
/** How long a stopped server may take to exit before it is killed and the teardown fails. */
const EXIT_DEADLINE_MS = 10_000;

/** How to start Gentry on a world. */
export interface ServeOptions {
  /** `serve` (the default), or `demo`: the world looked at as a demo machine (`gentry demo --dir ROOT`). */
  command?: 'serve' | 'demo';
  /** The privileged helper to run directly against the world's root (GENTRY_HELPER, GENTRY_HELPER_ROOT; no pkexec). */
  helper?: string;
  /** Pass the world's ESP and a fresh, empty efivars directory under its root (--esp, --efivars). */
  boot?: boolean;
  /** Written to the fresh config directory's gentry/config.json before the start (a function may make directories it names). */
  settings?: Settings | ((dirs: GentryDirs) => Settings);
}

/** What `launch` starts: a world (a given one, one of the test's own, or none) and Gentry on it. */
export interface LaunchOptions extends ServeOptions {
  /** An existing world to serve (not removed afterwards). */
  world?: World;
  /** Build a world of the test's own with these options (removed afterwards). */
  fresh?: WorldOptions;
}

/** The fresh directories a server's XDG variables point at, under one base (for a spec's own scratch files too). */
export interface GentryDirs {
  base: string;
  cache: string;
  state: string;
  config: string;
}

/** A running Gentry. */
export interface GentryServer {
  /** The URL it printed: http://127.0.0.1:PORT/#token=… (the session token rides in the fragment). */
  url: string;
  origin: string;
  /** The world it serves; null on a machine without NixOS (no world given: a system profile that does not exist, a fresh HOME). */
  world: World | null;
  /** The --system-profile it was given. */
  systemProfile: string;
  /** The efivars directory it reads (with `boot`), else null. */
  efivars: string | null;
  dirs: GentryDirs;
  child: ChildProcess;
  /** Opens the UI in `page` (token included) and waits until it has loaded its first data. */
  open(page: Page): Promise<void>;
}

/** The profile arguments that point Gentry at a world. */
export function profileArgs(world: World): string[] {
  return ['--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem];
}

/** Gentry's own cache, state (labels, run logs) and settings in `dirs`, never the real ones (for the CLI run beside a server too). */
export function xdgEnv(dirs: GentryDirs): NodeJS.ProcessEnv {
  return { XDG_CACHE_HOME: dirs.cache, XDG_STATE_HOME: dirs.state, XDG_CONFIG_HOME: dirs.config };
}

/** Starts Gentry on `world` (or on a machine without NixOS when null) and waits for the URL it prints first. */
async function startGentry(world: World | null, options: ServeOptions): Promise<GentryServer> {
  if (world === null && (options.helper || options.boot || options.command === 'demo')) {
    throw new Error('the helper, an ESP and the demo command need a world: launch with `world` or `fresh` options');
  }
  const base = mkdtempSync(join(tmpdir(), 'gentry-e2e-'));
  const dirs: GentryDirs = { base, cache: join(base, 'cache'), state: join(base, 'state'), config: join(base, 'config') };
  for (const dir of [dirs.cache, dirs.state, dirs.config]) mkdirSync(dir);
  if (options.settings) {
    const settings = typeof options.settings === 'function' ? options.settings(dirs) : options.settings;
    mkdirSync(join(dirs.config, 'gentry'));
    writeFileSync(join(dirs.config, 'gentry/config.json'), `${JSON.stringify(settings, null, 2)}\n`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, ...xdgEnv(dirs) };
  let args: string[];
  let systemProfile: string;
  let efivars: string | null = null;
  if (world === null) {
    // Nothing of Nix's on this machine: a HOME of its own too, so nothing of the real one is found.
    env.HOME = join(base, 'home');
    mkdirSync(env.HOME);
    systemProfile = join(env.HOME, 'no-nixos/profiles/system');
    args = ['serve', '--port', '0', '--system-profile', systemProfile];
  } else {
    systemProfile = world.systemProfile;
    args = options.command === 'demo' ? ['demo', '--dir', world.root, '--port', '0', '--no-open'] : ['serve', '--port', '0', ...profileArgs(world)];
    if (options.boot) {
      efivars = join(world.root, 'sys/firmware/efi/efivars');
      mkdirSync(efivars, { recursive: true });
      args.push('--esp', world.esp, '--efivars', efivars);
    }
  }
  if (options.helper && world !== null) {
    env.GENTRY_HELPER = options.helper;
    env.GENTRY_HELPER_ROOT = world.root;
  }
  const child = spawn(process.execPath, [GENTRY_BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code, signal) => reject(new Error(`gentry ${args[0]} exited with ${signal ?? code} before printing its URL`)));
    });
    child.stdout!.resume();
    const open = async (page: Page): Promise<void> => {
      await page.goto(url);
      await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    };
    return { url, origin: new URL(url).origin, world, systemProfile, efivars, dirs, child, open };
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
}

/** Stops a server (waiting for it to exit), removes the demo world it may have built in its cache, then its directories. */
async function stopGentry(server: GentryServer): Promise<void> {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), EXIT_DEADLINE_MS)));
    const outcome = await Promise.race([exited, late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      child.kill('SIGKILL');
      throw new Error(`gentry (pid ${child.pid}) did not exit within ${EXIT_DEADLINE_MS / 1000} s of SIGTERM; killed`);
    }
  }
  // The welcome screen's "open the demo machine" builds one under the cache directory.
  const demo = join(server.dirs.cache, 'gentry/demo');
  if (existsSync(join(demo, 'world.json'))) await removeWorld(await loadWorld(demo));
  rmSync(server.dirs.base, { recursive: true, force: true });
}

/**
 * The console errors a spec does not accept. One kind is expected: xterm's DOM renderer paints the cells of a
 * selection (a search match too) through `style` attributes, which the page's CSP refuses; the selection layer
 * beneath shows them anyway, so those reports say nothing is broken.
 */
export function unexpectedConsoleErrors(errors: readonly string[]): string[] {
  return errors.filter((text) => !(text.startsWith('Applying inline style violates') && text.includes('style attributes')));
}

/** The CSP directives the page has reported as violated since it loaded (recorded by the fixture's init script). */
export async function violatedDirectives(page: Page): Promise<string[]> {
  return (await page.evaluate('window.gentryCsp')) as string[];
}

/** Where a spec's screenshot for docs/ goes: docs/NAME with GENTRY_DOCS_SCREENSHOTS=1 (to refresh them), else test-results/, so a test run leaves the tree clean. */
export function docsScreenshot(name: string): string {
  return process.env.GENTRY_DOCS_SCREENSHOTS === '1' ? join(repo, 'docs', name) : join('test-results', name);
}

interface WorkerFixtures {
  /** The options of the worker's world (default: the demo preset with quirks); `test.use` at a file's top level. */
  worldOptions: WorldOptions;
  /** A world built once per worker, for specs that only read it. */
  world: World;
  /** `gentry serve` on the worker's world, started once per worker. */
  gentry: GentryServer;
  /** `gentry demo --dir` on the worker's world (a demo machine, where the demo build runs), started once per worker. */
  gentryDemo: GentryServer;
  /** The privileged helper of this checkout, built with cargo (the first time takes a minute). */
  helperBinary: string;
}

interface TestFixtures {
  /** Starts a world and Gentry of the test's own; everything it started is taken down after the test. */
  launch: (options?: LaunchOptions) => Promise<GentryServer>;
  /** Every console error the page logged during the test; after the test, any but the expected kind fail it. */
  consoleErrors: string[];
}

/** Playwright's `test` with the Gentry fixtures. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  worldOptions: [{ preset: 'demo', quirks: true }, { scope: 'worker', option: true }],
  world: [async ({ worldOptions }, use) => {
    const world = await buildWorld(worldOptions);
    try {
      await use(world);
    } finally {
      await removeWorld(world);
    }
  }, { scope: 'worker', timeout: 120_000 }],
  gentry: [async ({ world }, use) => {
    const server = await startGentry(world, {});
    try {
      await use(server);
    } finally {
      await stopGentry(server);
    }
  }, { scope: 'worker', timeout: 60_000 }],
  gentryDemo: [async ({ world }, use) => {
    const server = await startGentry(world, { command: 'demo' });
    try {
      await use(server);
    } finally {
      await stopGentry(server);
    }
  }, { scope: 'worker', timeout: 240_000 }],
  // Playwright reads a fixture's dependencies from its first parameter's pattern: {} says there are none.
  // eslint-disable-next-line no-empty-pattern
  helperBinary: [async ({}, use) => use(buildHelperBinary(repo)), { scope: 'worker', timeout: 240_000 }],
  // eslint-disable-next-line no-empty-pattern
  launch: async ({}, use) => {
    const servers: GentryServer[] = [];
    const worlds: World[] = [];
    await use(async (options = {}) => {
      let world = options.world ?? null;
      if (options.fresh) {
        world = await buildWorld(options.fresh);
        worlds.push(world);
      }
      const server = await startGentry(world, options);
      servers.push(server);
      return server;
    });
    const problems: unknown[] = [];
    for (const server of servers.reverse()) await stopGentry(server).catch((error: unknown) => problems.push(error));
    for (const world of worlds) await removeWorld(world).catch((error: unknown) => problems.push(error));
    if (problems.length > 0) throw problems[0];
  },
  // It takes `launch` so that it is torn down first: the page is checked while the servers a test started still run
  // (stopping one makes the page's WebSocket fail, which is no error of the page's own).
  consoleErrors: [async ({ page, launch: _launch }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // GENTRY_E2E_CPU_SLOWDOWN=N runs the page's CPU N times slower (Chromium's throttling), to bring out races.
    const slowdown = Number(process.env.GENTRY_E2E_CPU_SLOWDOWN ?? 1);
    if (slowdown > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    // CSP violations, for violatedDirectives().
    await page.addInitScript({
      content: "window.gentryCsp = []; document.addEventListener('securitypolicyviolation', (event) => window.gentryCsp.push(event.effectiveDirective));",
    });
    await use(errors);
    expect(unexpectedConsoleErrors(errors), 'no errors in the page\'s console').toEqual([]);
  }, { auto: true }],
});

export { expect };
