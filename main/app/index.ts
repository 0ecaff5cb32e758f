// main/app/: Electron only: lifecycle, window options and guards, the IPC door.
// Electron's main process: lifecycle, the window, and the IPC door. Everything else lives in plain
// Node modules that are tested without Electron.
import { app, BrowserWindow, ipcMain, session, webContents } from 'electron';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { appRoot, rendererDir } from '../app-root.ts';
import { COMMON_OPTIONS } from '../cli/args.ts';
import { createLogger } from '../infra/log.ts';
import { createServices, doorContext } from '../services.ts';
import { EVENT_CHANNEL } from '../../common/channels.ts';
import { registerIpcDoor, senderCheck, windowClient } from './ipc-door.ts';
import { guardSession, guardWebContents } from './window-options.ts';

const log = createLogger('info');
const { values } = parseArgs({ args: process.argv.slice(2), options: { ...COMMON_OPTIONS, demo: { type: 'boolean' } }, strict: false, allowPositionals: true });
const services = createServices(doorContext({ options: values, env: process.env, homeDir: homedir(), user: process.env.USER || userInfo().username, log, demo: values.demo === true }));

const root = appRoot();
const appUrl = pathToFileURL(join(rendererDir(root), 'index.html')).href;
const windows = new Set<number>();

function createWindow(): void {
  // The options are a literal at the call, so auditors' tools (electronegativity) read them as they are;
  // window-options.test.ts reads this literal back from this file and checks every security setting.
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Gentry',
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: join(root, 'out/preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK (reviewed: it exposes exactly the contract, docs/security.md)
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  const id = win.webContents.id;
  windows.add(id);
  guardWebContents(win.webContents, appUrl);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => windows.delete(id));
  void win.loadURL(appUrl);
}

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrl));
void app.whenReady().then(() => {
  guardSession(session.defaultSession);
  registerIpcDoor(ipcMain, services, senderCheck((id) => windows.has(id), appUrl), log);
  services.subscribe((event, payload, to) => {
    for (const id of windows) if (to === undefined || to === windowClient(id)) webContents.fromId(id)?.send(EVENT_CHANNEL, { event, payload });
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});
app.on('window-all-closed', () => {
  services.close();
  app.quit();
});
