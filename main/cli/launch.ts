// Opening the UI: the Electron window when its binary is there and a display is, otherwise the web
// door on 127.0.0.1 and, when asked, the person's browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot, rendererDir } from '../app-root.ts';
import type { Logger } from '../infra/log.ts';
import type { Services } from '../services.ts';
import { startWebDoor, type WebDoor } from '../server/web-door.ts';

/** How to start the window: an Electron binary and the arguments that come before gentry's own. */
export interface ElectronLauncher {
  bin: string;
  /** The app to run (this checkout's root), or nothing when the launcher names its app itself. */
  app: string[];
}

/**
 * The window's launcher: `GENTRY_APP` when an installed package names its own (the Nix package's
 * `gentry-app`, a wrapper that adds its app.asar), else this checkout's Electron binary; null when
 * neither is there (Electron's binary was never downloaded).
 */
export function electronLauncher(root: string = appRoot(), env: Record<string, string | undefined> = process.env): ElectronLauncher | null {
  const installed = env.GENTRY_APP;
  if (installed && existsSync(installed)) return { bin: installed, app: [] };
  const dir = join(root, 'node_modules/electron');
  try {
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const bin = join(dir, 'dist', rel);
    return existsSync(bin) ? { bin, app: [root] } : null;
  } catch {
    return null;
  }
}

/** True when a graphical session is there to show a window or a browser in. */
export function hasDisplay(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Opens `url` in the person's browser (xdg-open), if there is a display; says whether it tried. The URL
 * carries the session token, so it never goes on a command line (every local user can read those in
 * `ps`): xdg-open gets a redirect page, written mode 0600 in a fresh 0700 directory and removed at exit.
 */
export function openBrowser(url: string, log: Logger): boolean {
  if (!hasDisplay()) return false;
  let page: string;
  try {
    const dir = mkdtempSync(join(process.env.XDG_RUNTIME_DIR || tmpdir(), 'gentry-open-'));
    page = join(dir, 'open.html');
    const href = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    writeFileSync(page, `<!doctype html>\n<meta charset="utf-8">\n<meta http-equiv="refresh" content="0;url=${href}">\n<title>Gentry</title>\n<p><a href="${href}">Open Gentry</a></p>\n`, { mode: 0o600, flag: 'wx' });
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  } catch (err) {
    log.warn(`could not write the page that opens the browser (${(err as Error).message}): open the URL above yourself`);
    return false;
  }
  const child = spawn('xdg-open', [page], { stdio: 'ignore', detached: true });
  child.on('error', () => log.info('no xdg-open here: open the URL yourself'));
  child.unref();
  return true;
}

/** Runs the Electron app with the given gentry options; resolves with its exit code. */
export function runElectron(launcher: ElectronLauncher, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(launcher.bin, [...launcher.app, ...args], { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** Serves the UI and prints its URL as the first line of standard output. */
export async function serveUi(services: Services, log: Logger, port: number, open: boolean): Promise<WebDoor> {
  const door = await startWebDoor({ services, log, rendererDir: rendererDir(), port });
  process.stdout.write(`${door.url}\n`);
  if (!existsSync(join(rendererDir(), 'index.html'))) log.warn(`the UI is not built yet (${rendererDir()}): run \`npm run build\``);
  if (open) openBrowser(door.url, log);
  return door;
}

/** Keeps the process alive until SIGINT/SIGTERM, then closes the door. */
export function closeOnSignal(door: WebDoor, services: Services): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      void door.close().then(() => {
        services.close();
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
