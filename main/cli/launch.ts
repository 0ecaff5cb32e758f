// Opening the UI: the Electron window when its binary is there and a display is, otherwise the web
// door on 127.0.0.1 and, when asked, the person's browser.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot, rendererDir } from '../app-root.ts';
import type { Logger } from '../log.ts';
import type { Services } from '../services.ts';
import { startWebDoor, type WebDoor } from '../server/web-door.ts';

/** The Electron binary of this checkout, or null when it was never downloaded. */
export function electronBinary(root: string = appRoot()): string | null {
  const dir = join(root, 'node_modules/electron');
  try {
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const bin = join(dir, 'dist', rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** True when a graphical session is there to show a window or a browser in. */
export function hasDisplay(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Opens `url` in the person's browser (xdg-open), if there is a display; says whether it tried. */
export function openBrowser(url: string, log: Logger): boolean {
  if (!hasDisplay()) return false;
  const child = spawn('xdg-open', [url], { stdio: 'ignore', detached: true });
  child.on('error', () => log.info('no xdg-open here: open the URL yourself'));
  child.unref();
  return true;
}

/** Runs the Electron app with the given gentry options; resolves with its exit code. */
export function runElectron(bin: string, args: string[], root: string = appRoot()): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(bin, [root, ...args], { stdio: 'inherit' });
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
