// flake.nix's outputs, evaluated by the real Nix with nixpkgs' real lib and a STUB nixpkgs
// (nix/tests/stub-nixpkgs.nix: lib plus derivation-shaped stand-ins for electron, importNpmLock,
// rustPlatform, mkShell, runNixOSTest, …). Nothing is built: the tests read what the flake asks the
// builders for. The Nix build itself and the VM test need nixpkgs (and KVM) and cannot run here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalOk, ROOT } from './tests/nix-eval.ts';

interface FlakeSummary {
  outputs: string[];
  packages: Record<string, string[]>;
  checks: Record<string, string[]>;
  devShells: Record<string, string[]>;
  nixosModules: string[];
  homeModules: string[];
  homeManagerModulesIsAlias: boolean;
  overlay: string[];
  defaultIsGentry: boolean;
  gentry: {
    name: string;
    env: Record<string, string>;
    buildPhase: string;
    installPhase: string;
    npmRebuildFlags: string[];
    npmDepsLockPackages: number;
    nativeBuildInputs: string[];
    desktopItems: { name: string; exec: string; icon: string }[];
    mainProgram: string;
  };
  helper: { name: string; postInstall: string; sourceRoot: string; cargoLock: string; policyExecPath: string };
  srcKeeps: Record<string, boolean>;
  devShell: { packages: string[]; env: Record<string, string> };
  vm: { name: string; testScript: string; imports: string[] };
}

const flake = evalOk<FlakeSummary>('flake');
const systems = ['aarch64-linux', 'x86_64-linux'];

describe("flake.nix's outputs (inputs supplied by the test: a stub nixpkgs of the real lib and stand-in derivations)", () => {
  it('lists packages, overlay, NixOS and home-manager modules, dev shell and checks for both systems', () => {
    expect(flake.outputs).toEqual(['checks', 'devShells', 'homeManagerModules', 'homeModules', 'nixosModules', 'overlays', 'packages']);
    expect(Object.keys(flake.packages).sort()).toEqual(systems);
    for (const s of systems) {
      expect(flake.packages[s]).toEqual(['default', 'gentry', 'gentry-helper']);
      expect(flake.checks[s]).toEqual(['gentry', 'gentry-helper', 'vm']);
      expect(flake.devShells[s]).toEqual(['default']);
    }
    expect(flake.defaultIsGentry).toBe(true);
    expect(flake.overlay).toEqual(['gentry', 'gentry-helper']);
    expect(flake.nixosModules).toEqual(['default']);
    expect(flake.homeModules).toEqual(['default']);
    expect(flake.homeManagerModulesIsAlias).toBe(true);
  });

  it("gentry: nixpkgs' electron, no download, importNpmLock of this package-lock.json, node-pty against electron.headers, electron-builder --dir with electron.dist", () => {
    const g = flake.gentry;
    expect(g.name).toBe('gentry-0.1.0');
    expect(g.env.ELECTRON_SKIP_BINARY_DOWNLOAD).toBe('1');
    expect(g.npmDepsLockPackages).toBeGreaterThan(100); // importNpmLock read the checkout's lock file at evaluation time
    expect(g.nativeBuildInputs).toEqual(expect.arrayContaining(['nodejs-24.0.0', 'npm-config-hook', 'make-wrapper-hook', 'copy-desktop-items-hook']));
    expect(g.npmRebuildFlags).toEqual(['--ignore-scripts']);
    expect(g.buildPhase).toMatch(/npm rebuild node-pty --nodedir=\/nix\/store\/\w+-electron-headers-99\.0\.0\n/);
    expect(g.buildPhase).toContain('node scripts/build.js');
    expect(g.buildPhase.indexOf('node_modules/node-pty/build/Release/{obj.target,.deps}')).toBeGreaterThan(g.buildPhase.indexOf('npm rebuild node-pty'));
    expect(g.buildPhase.indexOf('node_modules/node-pty/build/Release/{obj.target,.deps}')).toBeLessThan(g.buildPhase.indexOf('electron-builder/cli.js'));
    // the original package.json and lock (not importNpmLock's, which name the tarballs' store paths) go into app.asar and $out
    expect(g.buildPhase.indexOf('cp .package.json.orig package.json')).toBeLessThan(g.buildPhase.indexOf('electron-builder/cli.js'));
    expect(g.buildPhase.indexOf('cp .package.json.orig package.json')).toBeGreaterThan(0);
    expect(g.installPhase).toContain('rm -f node_modules/.package-lock.json');
    expect(g.buildPhase).toMatch(/cp -r \/nix\/store\/\w+-electron-99\.0\.0\/libexec\/electron electron-dist/);
    expect(g.buildPhase).toContain('electron-builder/cli.js --linux --dir');
    expect(g.buildPhase).toContain('-c.electronDist=electron-dist');
    expect(g.buildPhase).toContain('-c.electronVersion=99.0.0');
    expect(g.installPhase).toMatch(/makeWrapper \/nix\/store\/\w+-electron-99\.0\.0\/bin\/electron \$out\/bin\/gentry-app \\\n\s+--add-flags \$out\/share\/gentry\/resources\/app\.asar/);
    expect(g.installPhase).toMatch(/makeWrapper \/nix\/store\/\w+-nodejs-24\.0\.0\/bin\/node \$out\/bin\/gentry \\\n\s+--add-flags \$out\/lib\/gentry\/bin\/gentry\.js \\\n\s+--set-default GENTRY_APP \$out\/bin\/gentry-app/);
    expect(g.installPhase).toContain('share/icons/hicolor/scalable/apps/gentry.svg');
    expect(g.desktopItems).toEqual([{ name: 'gentry', exec: 'gentry-app %U', icon: 'gentry' }]);
    expect(g.mainProgram).toBe('gentry');
  });

  it('gentry-helper: buildRustPackage of native-helpers/gentry-helper, libexec/gentry-helper and the policy in share/polkit-1/actions', () => {
    const h = flake.helper;
    expect(h.name).toBe('gentry-helper-0.1.0');
    expect(h.sourceRoot).toBe('gentry-source/native-helpers/gentry-helper');
    expect(h.cargoLock).toMatch(/\/native-helpers\/gentry-helper\/Cargo\.lock$/);
    expect(h.postInstall).toContain('mv $out/bin/gentry-helper $out/libexec/gentry-helper');
    expect(h.postInstall).toContain('install -Dm644 "$policy" $out/share/polkit-1/actions/org.gentry.helper.policy');
    expect(h.policyExecPath).toBe('/run/current-system/sw/libexec/gentry-helper');
  });

  it('flake.lock (written by hand, unverified here: no network) locks exactly the inputs flake.nix names, in the lock format Nix writes', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'flake.lock'), 'utf8')) as {
      version: number;
      root: string;
      nodes: Record<string, { inputs?: Record<string, string>; locked?: Record<string, unknown>; original?: Record<string, unknown> }>;
    };
    expect(lock.version).toBe(7);
    expect(lock.nodes[lock.root]?.inputs).toEqual({ nixpkgs: 'nixpkgs' });
    const { locked, original } = lock.nodes.nixpkgs ?? {};
    expect(original).toEqual({ type: 'github', owner: 'NixOS', repo: 'nixpkgs', ref: 'nixos-unstable' });
    expect(locked).toMatchObject({ type: 'github', owner: 'NixOS', repo: 'nixpkgs' });
    expect(locked?.rev).toMatch(/^[0-9a-f]{40}$/);
    expect(locked?.narHash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(locked?.lastModified).toBeGreaterThan(Date.UTC(2026, 0, 1) / 1000);
    expect(readFileSync(join(ROOT, 'flake.nix'), 'utf8')).toContain('inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";');
  });

  it("the packages' source leaves out what a checkout builds into itself", () => {
    expect(flake.srcKeeps).toEqual({ main: true, packageLock: true, nestedOut: true, nodeModules: false, out: false, helperTarget: false });
  });

  it('the dev shell has Node 24, cargo, clippy, Nix and Chromium, and points Playwright at that Chromium', () => {
    expect(flake.devShell.packages).toEqual(expect.arrayContaining(['nodejs-24.0.0', 'cargo-1.91.0', 'clippy-1.91.0', 'nix-2.31.0', 'chromium-140.0']));
    expect(flake.devShell.env.GENTRY_CHROMIUM).toMatch(/-chromium-140\.0\/bin\/chromium$/);
  });

  it('checks.<system>.vm (CANNOT RUN HERE: needs nixpkgs and KVM; evaluated through a stand-in runNixOSTest): imports the module, lists, runs a verb through pkexec, is refused one, screenshots the window', () => {
    const vm = flake.vm;
    expect(vm.name).toBe('gentry');
    expect(vm.imports).toEqual(['/nixpkgs-is-not-here/nixos/tests/common/user-account.nix', '/nixpkgs-is-not-here/nixos/tests/common/x11.nix', '<module>']);
    expect(vm.testScript).toContain(`su - alice -c 'gentry list --json'`);
    expect(vm.testScript).toContain(`su - alice -c 'pkexec {helper} collect-garbage --dry-run'`);
    expect(vm.testScript).toContain('assert status == 127');
    expect(vm.testScript).toContain('machine.wait_for_x()');
    expect(vm.testScript).toContain('machine.screenshot("gentry")');
    expect(vm.testScript).toContain('helper = "/run/current-system/sw/libexec/gentry-helper"');
  });
});
