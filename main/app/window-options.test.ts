import { describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { WEB_CSP } from '../server/web-door.ts';
import { APP_CSP, guardSession, guardWebContents, type GuardedContents, type GuardedSession } from './window-options.ts';

/** What a node of the options literal says: a literal value, a nested object, or the source text of an expression. */
function literalValue(node: ts.Expression, file: ts.SourceFile): unknown {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, unknown> = {};
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p)) throw new Error(`the window options must be plain properties, not ${p.getText(file)}`);
      out[p.name.getText(file)] = literalValue(p.initializer, file);
    }
    return out;
  }
  return { expression: node.getText(file) };
}

/** Every `new BrowserWindow(...)` in main/ outside tests, with its first argument read as a literal. */
function browserWindowCalls(): { file: string; options: unknown }[] {
  const mainDir = join(import.meta.dirname, '..');
  const calls: { file: string; options: unknown }[] = [];
  for (const rel of readdirSync(mainDir, { recursive: true, encoding: 'utf8' })) {
    if (!rel.endsWith('.ts') || rel.endsWith('.test.ts')) continue;
    const text = readFileSync(join(mainDir, rel), 'utf8');
    if (!text.includes('BrowserWindow(')) continue;
    const file = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if (ts.isNewExpression(n) && n.expression.getText(file) === 'BrowserWindow') {
        const arg = n.arguments?.[0];
        calls.push({ file: rel, options: arg && ts.isObjectLiteralExpression(arg) ? literalValue(arg, file) : { notALiteral: arg?.getText(file) } });
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
  }
  return calls;
}

describe('the BrowserWindow options literal in index.ts', () => {
  it('is the only window, and it is sandboxed, isolated, without Node, webviews or auxclick', () => {
    const calls = browserWindowCalls();
    expect(calls.map((c) => c.file)).toEqual([join('app', 'index.ts')]);
    const { webPreferences, ...frame } = calls[0]?.options as { webPreferences: Record<string, unknown> };
    expect(frame).toMatchObject({ show: false, title: 'Gentry' });
    expect(webPreferences).toEqual({
      preload: { expression: "join(root, 'out/preload/index.cjs')" },
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
    });
  });
});

/** A policy as a map from directive to its sources, so two spellings of one policy compare equal. */
function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name = '', ...sources] = d.split(/\s+/);
    return [name, sources.join(' ')];
  }));
}

describe('the CSP', () => {
  it('has no unsafe sources', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).not.toMatch(/unsafe-(eval|inline)/);
  });
  it("is one policy: the window's header, the web door's header and renderer/index.html's meta tag (which cannot carry frame-ancestors)", () => {
    expect(directives(APP_CSP)).toEqual(directives(WEB_CSP));
    const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = directives(APP_CSP);
    // Browsers ignore frame-ancestors in a meta tag (CSP3 section 6.1): the headers carry it.
    header.delete('frame-ancestors');
    expect(directives(meta ?? '')).toEqual(header);
    expect(directives(meta ?? '').get('base-uri')).toBe("'none'");
    expect(directives(meta ?? '').get('form-action')).toBe("'none'");
    expect(directives(meta ?? '').get('font-src')).toBe("'self'");
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
