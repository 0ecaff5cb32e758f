// One helper path: the polkit policy template, the NixOS module (evaluated with the real lib) and
// the app's constant must name the same string, because pkexec compares the path it is given with
// the policy's org.freedesktop.policykit.exec.path as a string; a mismatch falls back, silently, to
// pkexec's generic action. The deb's path comes second in the app's order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEB_HELPER, INSTALLED_HELPERS, NIXOS_HELPER } from '../main/helper/helper-client.ts';
import { evalOk, ROOT } from './tests/nix-eval.ts';

const policy = readFileSync(join(ROOT, 'native-helpers/polkit/org.gentry.helper.policy'), 'utf8');
const execPaths = [...policy.matchAll(/<annotate key="org\.freedesktop\.policykit\.exec\.path">([^<]*)<\/annotate>/g)].map((m) => m[1]);
const actions = [...policy.matchAll(/<action id="([^"]+)">/g)].map((m) => m[1]);

describe('the helper path: policy template, NixOS module and app constant agree', () => {
  it('every action of the policy template names one exec.path, the NixOS one', () => {
    expect(actions.length).toBeGreaterThanOrEqual(5);
    expect(execPaths).toHaveLength(actions.length);
    expect(new Set(execPaths)).toEqual(new Set([NIXOS_HELPER]));
  });

  it('the NixOS module links the helper there: helper.path, /libexec in pathsToLink, the helper package has libexec/gentry-helper', () => {
    const s = evalOk<{ helperPath: string; pathsToLink: string[]; helperPostInstall: string }>('nixos', { programs: { gentry: { enable: true } } });
    expect(s.helperPath).toBe(NIXOS_HELPER);
    // /run/current-system/sw/<dir>/<file> exists when <dir> is in pathsToLink and a system package has <dir>/<file>
    const [, dir, file] = /^\/run\/current-system\/sw(\/[^/]+)\/([^/]+)$/.exec(NIXOS_HELPER) ?? [];
    expect(s.pathsToLink).toContain(dir);
    expect(s.helperPostInstall).toContain(`$out${dir}/${file}`);
  });

  it('the helper package checks the policy against the same path when it builds', () => {
    const f = evalOk<{ helper: { policyExecPath: string; postInstall: string } }>('flake');
    expect(f.helper.policyExecPath).toBe(NIXOS_HELPER);
    expect(f.helper.postInstall).toContain(`grep -vxF '${NIXOS_HELPER}'`);
  });

  it("the module's polkitRules actions are exactly the policy's actions", () => {
    const module = readFileSync(join(ROOT, 'nix/nixos-module.nix'), 'utf8');
    const verbs = /verbs = \[([^\]]*)\];/.exec(module)?.[1]?.match(/"[^"]+"/g)?.map((v) => `org.gentry.helper.${v.slice(1, -1)}`);
    expect(verbs?.sort()).toEqual([...actions].sort());
  });

  it("the app tries the NixOS path first, then the deb path, which is the one the deb's policy names", async () => {
    expect(INSTALLED_HELPERS).toEqual([NIXOS_HELPER, DEB_HELPER]);
    expect(DEB_HELPER).toBe('/usr/libexec/gentry-helper');
    // packaging/deb-stage.js (JavaScript, loaded by path) writes the deb's copy of the template.
    const stage = (await import(join(ROOT, 'packaging/deb-stage.js'))) as { DEB_HELPER_PATH: string; policyWithExecPath: (template: string, path: string) => string };
    expect(stage.DEB_HELPER_PATH).toBe(DEB_HELPER);
    const debPolicy = stage.policyWithExecPath(policy, stage.DEB_HELPER_PATH);
    expect(new Set([...debPolicy.matchAll(/exec\.path">([^<]*)</g)].map((m) => m[1]))).toEqual(new Set([DEB_HELPER]));
  });
});
