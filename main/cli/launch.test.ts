// Which window launcher `gentry demo` runs: an installed package's own (GENTRY_APP), else this checkout's Electron.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronLauncher } from './launch.ts';

describe('electronLauncher', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gentry-launch-'));
  const app = join(dir, 'gentry-app');
  writeFileSync(app, '#!/bin/sh\n');
  chmodSync(app, 0o755);

  it('runs the installed gentry-app named by GENTRY_APP, with no app path of its own (its wrapper adds app.asar)', () => {
    expect(electronLauncher(join(dir, 'no-checkout'), { GENTRY_APP: app })).toEqual({ bin: app, app: [] });
  });

  it('ignores a GENTRY_APP that does not exist and falls back to the checkout’s Electron binary', () => {
    const root = join(dir, 'checkout');
    mkdirSync(join(root, 'node_modules/electron/dist'), { recursive: true });
    writeFileSync(join(root, 'node_modules/electron/path.txt'), 'electron');
    writeFileSync(join(root, 'node_modules/electron/dist/electron'), '');
    expect(electronLauncher(root, { GENTRY_APP: join(dir, 'missing') })).toEqual({ bin: join(root, 'node_modules/electron/dist/electron'), app: [root] });
  });

  it('is null when neither is there (Electron’s binary never downloaded)', () => {
    expect(electronLauncher(join(dir, 'empty'), {})).toBeNull();
  });
});
