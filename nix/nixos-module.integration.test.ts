// The NixOS module (flake.nixosModules.default → nix/nixos-module.nix) evaluated with nixpkgs' REAL
// lib.evalModules and declarations of the NixOS options it sets (nix/tests/nixos-options.nix, typed
// as upstream). Packages are stand-ins (nix/tests/stub-nixpkgs.nix); assertions fail as NixOS fails.
// The polkit rules it writes run in Node's JavaScript engine against a stand-in polkit object.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { evalFails, evalOk } from './tests/nix-eval.ts';

interface NixosSummary {
  systemPackages: string[];
  pathsToLink: string[];
  polkit: { enable: boolean; extraConfig: string; enablePkexecWrapper: boolean | null };
  helperPath: string;
  policyFile: string;
  helperPostInstall: string;
  warnings: string[];
}

const enabled = { programs: { gentry: { enable: true } } };

/** Runs polkit rules text and asks its rule about one action and subject; null when no rule answers. */
function askRules(rules: string, actionId: string, subject: { groups: string[]; local: boolean; active: boolean }): string | null {
  const added: ((action: unknown, subject: unknown) => string | undefined)[] = [];
  const polkit = { Result: { YES: 'yes', NO: 'no' }, addRule: (f: (typeof added)[number]) => added.push(f) };
  runInNewContext(rules, { polkit });
  const subj = { local: subject.local, active: subject.active, isInGroup: (g: string) => subject.groups.includes(g) };
  for (const rule of added) {
    const answer = rule({ id: actionId }, subj);
    if (answer !== undefined) return answer;
  }
  return null;
}

describe('programs.gentry (NixOS), evaluated with the real lib.evalModules', () => {
  it('enable = true: the app and the helper in systemPackages, /libexec linked, polkit and the pkexec wrapper on, the policy in the helper package', () => {
    const s = evalOk<NixosSummary>('nixos', enabled);
    console.log(`nixos module, programs.gentry.enable = true:\n${JSON.stringify({ ...s, helperPostInstall: undefined }, null, 2)}`);
    expect(s.systemPackages).toEqual(['gentry-0.1.0', 'gentry-helper-0.1.0']);
    expect(s.pathsToLink).toEqual(['/libexec']);
    expect(s.polkit).toEqual({ enable: true, enablePkexecWrapper: true, extraConfig: '' });
    expect(s.helperPath).toBe('/run/current-system/sw/libexec/gentry-helper');
    expect(s.policyFile).toMatch(/^\/nix\/store\/\w+-gentry-helper-0\.1\.0\/share\/polkit-1\/actions\/org\.gentry\.helper\.policy$/);
    expect(s.helperPostInstall).toContain('$out/share/polkit-1/actions/org.gentry.helper.policy');
    expect(s.warnings).toEqual([]);
  });

  it('without enable: nothing installed, nothing linked, polkit left alone', () => {
    const s = evalOk<NixosSummary>('nixos', {});
    expect(s.systemPackages).toEqual([]);
    expect(s.pathsToLink).toEqual([]);
    expect(s.polkit.enable).toBe(false);
    expect(s.polkit.enablePkexecWrapper).toBe(false);
  });

  it('helper.enable = false: the app only, no /libexec, no polkit changes', () => {
    const s = evalOk<NixosSummary>('nixos', { programs: { gentry: { enable: true, helper: { enable: false } } } });
    expect(s.systemPackages).toEqual(['gentry-0.1.0']);
    expect(s.pathsToLink).toEqual([]);
    expect(s.polkit.enable).toBe(false);
  });

  it('on a nixpkgs without security.polkit.enablePkexecWrapper (before June 2026) it does not set it', () => {
    const s = evalOk<NixosSummary>('nixos', enabled, { withPkexecWrapperOption: false });
    expect(s.polkit).toEqual({ enable: true, enablePkexecWrapper: null, extraConfig: '' });
    expect(s.systemPackages).toEqual(['gentry-0.1.0', 'gentry-helper-0.1.0']);
  });

  it('helper.enable set without enable fails with the module\'s assertion', () => {
    const err = evalFails('nixos', { programs: { gentry: { helper: { enable: true } } } });
    expect(err).toContain('Failed assertions:');
    expect(err).toContain('programs.gentry.helper.enable is set, but programs.gentry.enable is not');
  });

  it('polkit turned off, or the pkexec wrapper turned off, fails with the module\'s assertion', () => {
    expect(evalFails('nixos', { ...enabled, security: { polkit: { enable: false } } })).toContain('programs.gentry.helper needs polkit, but security.polkit.enable is false');
    expect(evalFails('nixos', { ...enabled, security: { polkit: { enablePkexecWrapper: false } } })).toContain('security.polkit.enablePkexecWrapper is false (pkexec would fail with "pkexec must be setuid root")');
  });

  it('polkitRules without the helper fails with the module\'s assertion; an unknown action is a type error', () => {
    expect(evalFails('nixos', { programs: { gentry: { enable: true, helper: { enable: false }, polkitRules: { withoutPassword: ['boot'] } } } })).toContain(
      'programs.gentry.polkitRules.withoutPassword is set, but the helper is not installed',
    );
    expect(evalFails('nixos', { programs: { gentry: { enable: true, polkitRules: { withoutPassword: ['reboot'] } } } })).toMatch(/programs\.gentry\.polkitRules\.withoutPassword.*is not of type/s);
  });

  it('polkitRules: the rule lets the group run the listed actions from an active local session, and nothing else', () => {
    const s = evalOk<NixosSummary>('nixos', { programs: { gentry: { enable: true, polkitRules: { withoutPassword: ['boot', 'collect-garbage'] } } } });
    const rules = s.polkit.extraConfig;
    const wheel = { groups: ['users', 'wheel'], local: true, active: true };
    expect(askRules(rules, 'org.gentry.helper.boot', wheel)).toBe('yes');
    expect(askRules(rules, 'org.gentry.helper.collect-garbage', wheel)).toBe('yes');
    expect(askRules(rules, 'org.gentry.helper.switch', wheel)).toBeNull();
    expect(askRules(rules, 'org.gentry.helper.rebuild', wheel)).toBeNull();
    expect(askRules(rules, 'org.freedesktop.policykit.exec', wheel)).toBeNull();
    expect(askRules(rules, 'org.gentry.helper.boot', { groups: ['users'], local: true, active: true })).toBeNull();
    expect(askRules(rules, 'org.gentry.helper.boot', { ...wheel, local: false })).toBeNull();
    expect(askRules(rules, 'org.gentry.helper.boot', { ...wheel, active: false })).toBeNull();
    expect(s.warnings).toEqual([]);
  });

  it('polkitRules for another group, and a warning when rebuild is listed (passwordless root)', () => {
    const s = evalOk<NixosSummary>('nixos', { programs: { gentry: { enable: true, polkitRules: { group: 'gentry', withoutPassword: ['rebuild'] } } } });
    expect(askRules(s.polkit.extraConfig, 'org.gentry.helper.rebuild', { groups: ['gentry'], local: true, active: true })).toBe('yes');
    expect(askRules(s.polkit.extraConfig, 'org.gentry.helper.rebuild', { groups: ['wheel'], local: true, active: true })).toBeNull();
    expect(s.warnings).toEqual([expect.stringContaining('lists "rebuild"')]);
  });

  it('boot-entry (its own action since the helper split it from boot) can be listed, with a warning (root at the next boot)', () => {
    const s = evalOk<NixosSummary>('nixos', { programs: { gentry: { enable: true, polkitRules: { withoutPassword: ['boot', 'boot-entry'] } } } });
    const wheel = { groups: ['wheel'], local: true, active: true };
    expect(askRules(s.polkit.extraConfig, 'org.gentry.helper.boot-entry', wheel)).toBe('yes');
    expect(askRules(s.polkit.extraConfig, 'org.gentry.helper.boot', wheel)).toBe('yes');
    expect(s.warnings).toEqual([expect.stringContaining('lists "boot-entry"')]);
  });

  it('nix/nixos-module.nix imported without the flake or its overlay says where the package comes from', () => {
    expect(evalFails('nixos-plain', enabled)).toMatch(/programs\.gentry\.(helper\.)?package: pkgs has no gentry(-helper)?; import the Gentry flake's nixosModules\.default \(which sets it\), add its overlays\.default, or set programs\.gentry\.(helper\.)?package\./);
  });

  it("the VM test's machine (nix/vm-machine.nix; VM itself cannot run here) evaluates: module on, alice in wheel and logged into X, collect-garbage without a password", () => {
    const s = evalOk<NixosSummary & { alice: { extraGroups: string[] }; autoUser: string }>('vm-machine');
    expect(s.systemPackages).toEqual(['gentry-0.1.0', 'gentry-helper-0.1.0']);
    expect(s.pathsToLink).toEqual(['/libexec']);
    expect(s.alice.extraGroups).toEqual(['wheel']);
    expect(s.autoUser).toBe('alice');
    expect(askRules(s.polkit.extraConfig, 'org.gentry.helper.collect-garbage', { groups: ['wheel'], local: true, active: true })).toBe('yes');
    expect(askRules(s.polkit.extraConfig, 'org.gentry.helper.switch', { groups: ['wheel'], local: true, active: true })).toBeNull();
  });
});
