// The home-manager module (flake.homeModules.default → nix/home-module.nix) evaluated with nixpkgs'
// REAL lib.evalModules and declarations of the home-manager options it sets (nix/tests/hm-options.nix).
// The config.json it writes is checked by the app's own schema and read by the app's own reader.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FlakeRefSchema, SettingsSchema } from '../common/contract/index.ts';
import { readSettings } from '../main/settings/settings.ts';
import { evalFails, evalOk } from './tests/nix-eval.ts';

interface HomeSummary {
  packages: string[];
  configFile: { text: string; force: boolean } | null;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const withSettings = (settings: unknown) => ({ programs: { gentry: { enable: true, settings } } });

describe('programs.gentry (home-manager), evaluated with the real lib.evalModules', () => {
  it('enable = true: the package in home.packages; config.json left to the app', () => {
    expect(evalOk<HomeSummary>('home', { programs: { gentry: { enable: true } } })).toEqual({ packages: ['gentry-0.1.0'], configFile: null });
    expect(evalOk<HomeSummary>('home', {})).toEqual({ packages: [], configFile: null });
  });

  it('settings with overlay targets: config.json in the app\'s format, which its schema and its reader accept', async () => {
    const settings = {
      homeFlake: '~/nixos-config#me@atlas',
      systemFlake: '/etc/nixos#atlas',
      overlayTargets: [
        { name: 'home', path: '/home/me/nixos-config/pins-home', kind: 'home' },
        { name: 'atlas.system', path: '/home/me/nixos-config/pins-system', kind: 'system' },
      ],
      runHistoryLimitMiB: 50,
    };
    const s = evalOk<HomeSummary>('home', withSettings(settings));
    expect(s.configFile?.force).toBe(true);
    const json = JSON.parse(s.configFile?.text ?? 'null') as unknown;
    expect(SettingsSchema.parse(json)).toEqual({ version: 1, nixpkgsGit: null, ...settings });
    const dir = mkdtempSync(join(tmpdir(), 'gentry-hm-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'config.json'), s.configFile?.text ?? '');
    expect((await readSettings(dir)).overlayTargets.map((t) => t.name)).toEqual(['home', 'atlas.system']);
  });

  it('defaults give the app\'s defaults', () => {
    const s = evalOk<HomeSummary>('home', withSettings({}));
    expect(SettingsSchema.parse(JSON.parse(s.configFile?.text ?? 'null'))).toEqual({ version: 1, systemFlake: null, homeFlake: null, nixpkgsGit: null, overlayTargets: [], runHistoryLimitMiB: 200 });
  });

  it('a badly named target, a relative path, an unknown kind or a limit out of range is a type error naming the option', () => {
    expect(evalFails('home', withSettings({ overlayTargets: [{ name: 'my pins', path: '/p', kind: 'home' }] }))).toMatch(/overlayTargets.*name.*is not of type/s);
    expect(evalFails('home', withSettings({ overlayTargets: [{ name: 'p', path: 'pins', kind: 'home' }] }))).toMatch(/overlayTargets.*path.*is not of type/s);
    expect(evalFails('home', withSettings({ overlayTargets: [{ name: 'p', path: '/p', kind: 'user' }] }))).toMatch(/overlayTargets.*kind.*is not of type/s);
    expect(evalFails('home', withSettings({ runHistoryLimitMiB: 0 }))).toMatch(/runHistoryLimitMiB.*is not of type/s);
  });

  it('two targets with one name or one path fail with the module\'s assertion', () => {
    const twoNames = evalFails('home', withSettings({ overlayTargets: [{ name: 'a', path: '/p1', kind: 'home' }, { name: 'a', path: '/p2', kind: 'system' }] }));
    expect(twoNames).toContain('Failed assertions:');
    expect(twoNames).toContain('two targets are named a; give each target its own name');
    const twoPaths = evalFails('home', withSettings({ overlayTargets: [{ name: 'a', path: '/p', kind: 'home' }, { name: 'b', path: '/p', kind: 'system' }] }));
    expect(twoPaths).toContain('two targets use /p; each target needs its own directory');
  });

  it('takes exactly the flake references the app takes (the Nix regex against FlakeRefSchema)', () => {
    const refs = [
      '/etc/nixos',
      '/etc/nixos#atlas',
      '~/nixos-config#me@atlas',
      'path:/home/me/cfg',
      'git+file:///home/me/cfg#host',
      'github:NixOS/nixpkgs',
      'github:me/cfg/main#"host.name"',
      'git+https://example.org/cfg.git#h',
      'relative/dir',
      'nixpkgs',
      'http://example.org/x',
      '/a b',
      '/etc/nixos?ref=x',
      'github:me',
      '/etc/nixos#bad attr',
      '#atlas',
      'path:',
      '~user/cfg',
    ];
    const nix = evalOk<boolean[]>('home-flake-refs', refs);
    const app = refs.map((r) => FlakeRefSchema.safeParse(r).success);
    expect(Object.fromEntries(refs.map((r, i) => [r, nix[i]]))).toEqual(Object.fromEntries(refs.map((r, i) => [r, app[i]])));
    expect(app.filter(Boolean)).toHaveLength(8); // both sides accept some and refuse some
  });
});
