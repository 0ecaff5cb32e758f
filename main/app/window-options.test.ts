import { describe, expect, it, vi } from 'vitest';
import { APP_CSP, createWindowOptions, guardSession, guardWebContents, type GuardedContents, type GuardedSession } from './window-options.ts';

describe('createWindowOptions', () => {
  it('makes a sandboxed, isolated window without Node or webviews', () => {
    const o = createWindowOptions('/app/out/preload/index.cjs');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });
  it('has a CSP with no unsafe sources', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).not.toMatch(/unsafe-(eval|inline)/);
  });
});

function fakeContents() {
  const handlers = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  let openHandler: (() => { action: string }) | null = null;
  const contents = {
    on: (name: string, fn: never) => {
      handlers.set(name, fn);
      return contents;
    },
    setWindowOpenHandler: (fn: never) => {
      openHandler = fn;
    },
  };
  return { contents: contents as unknown as GuardedContents, handlers, open: () => openHandler?.() };
}

describe('guardWebContents', () => {
  const appUrl = 'file:///app/out/renderer/index.html';
  it('blocks navigation and redirects away from the app, but not to it', () => {
    const f = fakeContents();
    guardWebContents(f.contents, appUrl);
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = { preventDefault: vi.fn() };
      f.handlers.get(name)?.(away, 'https://evil.example/');
      expect(away.preventDefault).toHaveBeenCalled();
      const home = { preventDefault: vi.fn() };
      f.handlers.get(name)?.(home, appUrl);
      expect(home.preventDefault).not.toHaveBeenCalled();
    }
  });
  it('denies window.open and webviews', () => {
    const f = fakeContents();
    guardWebContents(f.contents, appUrl);
    expect(f.open()).toEqual({ action: 'deny' });
    const e = { preventDefault: vi.fn() };
    f.handlers.get('will-attach-webview')?.(e);
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('guardSession', () => {
  it('denies permissions and adds the CSP to every response', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let headers: ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (fn: never) => (request = fn),
      setPermissionCheckHandler: (fn: never) => (check = fn),
      webRequest: { onHeadersReceived: (fn: never) => (headers = fn) },
    } as unknown as GuardedSession;
    guardSession(session);
    const cb = vi.fn();
    request?.({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(check?.()).toBe(false);
    const out = vi.fn();
    headers?.({ responseHeaders: { 'x-a': ['1'] } }, out);
    expect(out).toHaveBeenCalledWith({ responseHeaders: { 'x-a': ['1'], 'Content-Security-Policy': [APP_CSP] } });
  });
});
