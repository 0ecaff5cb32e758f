// Recipes: which are available and why not, and the exact argv each builds (never a shell string).
import { describe, expect, it } from 'vitest';
import { RecipeSchema, type Settings } from '../../common/contract/index.ts';
import { INSTALLED_HELPER } from '../helper/helper-client.ts';
import { DEFAULT_SETTINGS } from '../settings/settings.ts';
import { demoBuildExpression, displayCommand, expandHome, listRecipes, localFlakeDir, planRecipe, type RecipeContext, type RecipeEnvironment } from './recipes.ts';

const everything: RecipeEnvironment = { has: () => true, helperInstalled: true, flakeDir: { path: '/home/me/config', writable: true } };

function ctx(over: Partial<RecipeContext> = {}, settings: Partial<Settings> = {}): RecipeContext {
  return {
    settings: { ...DEFAULT_SETTINGS, systemFlake: '~/config#host', homeFlake: '~/config#me@host', ...settings },
    demo: false,
    helper: { program: 'pkexec', prefix: [INSTALLED_HELPER], viaPkexec: true },
    homeDir: '/home/me',
    stateDir: '/home/me/.local/state/gentry',
    paths: { systemProfile: '/nix/var/nix/profiles/system', homeProfiles: ['/home/me/.local/state/nix/profiles/home-manager'], homeProfilesExplicit: false, userProfiles: [], bootedSystem: '/run/booted-system', nixDb: '/nix/var/nix/db/db.sqlite' },
    env: everything,
    processEnv: { PATH: '/run/current-system/sw/bin', HOME: '/home/me' },
    ...over,
  };
}

const SHELLS = ['sh', 'bash', '/bin/sh', '/bin/bash', 'env'];

describe('listRecipes', () => {
  it('says why each recipe cannot run on a fresh install', () => {
    const recipes = listRecipes(ctx({ env: { has: () => false, helperInstalled: false, flakeDir: null } }, { systemFlake: null, homeFlake: null }));
    for (const r of recipes) expect(RecipeSchema.parse(r)).toEqual(r);
    const why = Object.fromEntries(recipes.map((r) => [r.id, r.unavailableReason]));
    expect(recipes.every((r) => !r.available)).toBe(true);
    expect(why['rebuild-system']).toMatch(/Set the system flake in Settings/);
    expect(why['switch-home']).toMatch(/Set the home flake in Settings/);
    expect(why['update-flake']).toMatch(/Set the system flake in Settings/);
    expect(why['collect-garbage']).toMatch(/pkexec is not installed/);
    expect(why['demo-build']).toMatch(/Only on the demo machine/);
  });

  it('offers everything but the demo build on a configured machine, with commands to read', () => {
    const recipes = listRecipes(ctx());
    expect(recipes.map((r) => [r.id, r.available])).toEqual([
      ['rebuild-system', true],
      ['switch-home', true],
      ['update-flake', true],
      ['collect-garbage', true],
      ['demo-build', false],
    ]);
    const by = Object.fromEntries(recipes.map((r) => [r.id, r]));
    expect(by['rebuild-system']?.command).toBe(`pkexec ${INSTALLED_HELPER} rebuild --mode switch --flake /home/me/config#host`);
    // Each mode's command as it would run (no switch|boot|test|build alternation to read).
    expect(by['rebuild-system']?.commandsByMode).toEqual(Object.fromEntries(['switch', 'boot', 'test', 'build'].map((m) => [m, `pkexec ${INSTALLED_HELPER} rebuild --mode ${m} --flake /home/me/config#host`])));
    expect(by['rebuild-system']?.modes).toEqual(['switch', 'boot', 'test', 'build']);
    expect(by['rebuild-system']?.privileged).toBe(true);
    expect(by['switch-home']?.command).toBe('home-manager switch --flake /home/me/config#me@host --log-format internal-json');
    expect(by['update-flake']?.command).toBe("nix --extra-experimental-features 'nix-command flakes' flake update --log-format internal-json -v");
    expect(by['collect-garbage']?.command).toBe(`pkexec ${INSTALLED_HELPER} collect-garbage`);
  });

  it('on the demo machine offers only the demo build: the rest would change the real system', () => {
    const recipes = listRecipes(ctx({ demo: true }));
    expect(recipes.filter((r) => r.available).map((r) => r.id)).toEqual(['demo-build']);
    expect(recipes.find((r) => r.id === 'rebuild-system')?.unavailableReason).toMatch(/demo machine/);
  });

  it('explains a missing helper, home-manager, or an unwritable or remote flake', () => {
    const missing = listRecipes(ctx({ env: { has: (p) => p === 'pkexec', helperInstalled: false, flakeDir: { path: '/etc/nixos', writable: false } } }, { systemFlake: '/etc/nixos#host' }));
    const why = Object.fromEntries(missing.map((r) => [r.id, r.unavailableReason]));
    expect(why['rebuild-system']).toMatch(/gentry-helper\) is not installed/);
    expect(why['switch-home']).toMatch(/home-manager is not on PATH/);
    expect(why['update-flake']).toMatch(/\/etc\/nixos \(its flake.lock\) is not writable by you/);
    const remote = listRecipes(ctx({}, { systemFlake: 'github:me/config#host' }));
    expect(remote.find((r) => r.id === 'update-flake')?.unavailableReason).toMatch(/not a local directory/);
    // A directory that does not exist is said so, not "not writable" (root can write anywhere it exists).
    const absent = listRecipes(ctx({ env: { has: () => true, helperInstalled: true, flakeDir: { path: '/etc/nixos', writable: false, exists: false } } }, { systemFlake: '/etc/nixos#host' }));
    expect(absent.find((r) => r.id === 'update-flake')?.unavailableReason).toBe('/etc/nixos does not exist. Set the system flake in Settings to the directory that holds your flake.nix.');
  });
});

describe('planRecipe', () => {
  it('builds the helper argv for a rebuild, through pkexec or a test helper with --root, and watches the system profile for switch and boot', () => {
    const viaPkexec = planRecipe('rebuild-system', 'boot', 'r', ctx());
    expect([viaPkexec.file, ...viaPkexec.args]).toEqual(['pkexec', INSTALLED_HELPER, 'rebuild', '--mode', 'boot', '--flake', '/home/me/config#host']);
    expect(viaPkexec).toMatchObject({ recipe: 'rebuild-system', mode: 'boot', title: 'Rebuild the system (boot)', helperProtocol: true, watch: { kind: 'system', name: 'system', profile: '/nix/var/nix/profiles/system' } });
    const direct = planRecipe('rebuild-system', 'test', 'r', ctx({ helper: { program: '/opt/gentry-helper', prefix: ['--root', '/tmp/world'], viaPkexec: false } }));
    expect([direct.file, ...direct.args]).toEqual(['/opt/gentry-helper', '--root', '/tmp/world', 'rebuild', '--mode', 'test', '--flake', '/home/me/config#host']);
    expect(direct.watch).toBeNull(); // test makes no generation
    expect(planRecipe('rebuild-system', 'build', 'r', ctx()).watch).toBeNull();
  });

  it('runs home-manager, nix flake update and the garbage collector with argv only', () => {
    const home = planRecipe('switch-home', undefined, 'r', ctx());
    expect([home.file, ...home.args]).toEqual(['home-manager', 'switch', '--flake', '/home/me/config#me@host', '--log-format', 'internal-json']);
    expect(home.watch).toEqual({ kind: 'home', name: 'home-manager', profile: '/home/me/.local/state/nix/profiles/home-manager' });
    const update = planRecipe('update-flake', undefined, 'r', ctx({}, { systemFlake: 'git+file:///home/me/repo?dir=hosts/a#host' }));
    expect(update.cwd).toBe('/home/me/repo/hosts/a');
    expect([update.file, ...update.args]).toEqual(['nix', '--extra-experimental-features', 'nix-command flakes', 'flake', 'update', '--log-format', 'internal-json', '-v']);
    const gc = planRecipe('collect-garbage', undefined, 'r', ctx());
    expect([gc.file, ...gc.args]).toEqual(['pkexec', INSTALLED_HELPER, 'collect-garbage']);
    for (const p of [home, update, gc]) {
      expect(SHELLS).not.toContain(p.file);
      expect(p.args).not.toContain('-c');
    }
  });

  it('writes the demo expression first and builds it offline, with a name unique to the run', () => {
    const demo = planRecipe('demo-build', undefined, '20260101T120000Z-abc123', ctx({ demo: true }));
    expect(demo.file).toBe('nix-build');
    expect(demo.args).toEqual(['/home/me/.local/state/gentry/demo-build/20260101T120000Z-abc123.nix', '--no-out-link', '--max-jobs', '2', '--log-format', 'internal-json', '-v']);
    expect(demo.writeFirst?.path).toBe(demo.args[0]);
    expect(demo.env.NIX_CONFIG).toBe('substituters =');
    expect(demo.writeFirst?.text).toContain('name = "demo-${name}-abc123";');
    expect(demo.writeFirst?.text).toContain('run = "20260101T120000Z-abc123";');
    expect(demoBuildExpression('a')).not.toBe(demoBuildExpression('b'));
  });

  it('refuses what cannot run, and modes where they do not belong', () => {
    expect(() => planRecipe('rebuild-system', undefined, 'r', ctx())).toThrow(expect.objectContaining({ code: 'bad-input', message: expect.stringMatching(/needs a mode/) }));
    expect(() => planRecipe('switch-home', 'switch', 'r', ctx())).toThrow(expect.objectContaining({ code: 'bad-input' }));
    expect(() => planRecipe('rebuild-system', 'switch', 'r', ctx({}, { systemFlake: null }))).toThrow(expect.objectContaining({ code: 'unavailable', hint: expect.stringMatching(/Settings/) }));
    expect(() => planRecipe('demo-build', undefined, 'r', ctx())).toThrow(expect.objectContaining({ code: 'unavailable' }));
    expect(() => planRecipe('collect-garbage', undefined, 'r', ctx({ demo: true }))).toThrow(expect.objectContaining({ code: 'unavailable' }));
  });
});

describe('flake references and display', () => {
  it('finds the directory of local flakes only', () => {
    expect(localFlakeDir('/etc/nixos#host', '/h')).toBe('/etc/nixos');
    expect(localFlakeDir('~/cfg', '/h')).toBe('/h/cfg');
    expect(localFlakeDir('path:/x/y?dir=sub#a', '/h')).toBe('/x/y/sub');
    expect(localFlakeDir('git+file:///srv/repo', '/h')).toBe('/srv/repo');
    expect(localFlakeDir('git+file:///srv/repo?dir=../../etc', '/h')).toBe('/srv/repo');
    expect(localFlakeDir('github:NixOS/nixpkgs', '/h')).toBeNull();
    expect(localFlakeDir('git+https://example.org/r', '/h')).toBeNull();
    expect(expandHome('~/a#b', '/h')).toBe('/h/a#b');
    expect(expandHome('/a', '/h')).toBe('/a');
  });

  it('quotes arguments for reading', () => {
    expect(displayCommand('a b', ['x', "it's", '$HOME', 'p#q@r'])).toBe(`'a b' x 'it'\\''s' '$HOME' p#q@r`);
  });
});
