// nix/helper.nix's postInstall, run for real by bash on a stand-in $out (what cargo's install phase
// leaves: bin/gentry-helper) from a copy of native-helpers/: the helper moves to libexec/, the policy
// lands in share/polkit-1/actions/, and a policy naming another helper path stops the build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NIXOS_HELPER } from '../main/helper/helper-client.ts';
import { evalOk, ROOT } from './tests/nix-eval.ts';

const { helper } = evalOk<{ helper: { postInstall: string } }>('flake');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A build directory like the sandbox's (native-helpers/ copied, sourceRoot as cwd) and an $out with bin/gentry-helper; runs postInstall. */
function runPostInstall(editPolicy: (text: string) => string = (t) => t) {
  const tmp = mkdtempSync(join(tmpdir(), 'gentry-helper-install-'));
  dirs.push(tmp);
  const src = join(tmp, 'source/native-helpers');
  mkdirSync(join(src, 'gentry-helper'), { recursive: true });
  cpSync(join(ROOT, 'native-helpers/polkit'), join(src, 'polkit'), { recursive: true });
  const policy = join(src, 'polkit/org.gentry.helper.policy');
  writeFileSync(policy, editPolicy(readFileSync(policy, 'utf8')));
  const out = join(tmp, 'out');
  mkdirSync(join(out, 'bin'), { recursive: true });
  writeFileSync(join(out, 'bin/gentry-helper'), '#!/bin/sh\n', { mode: 0o755 });
  const r = spawnSync('bash', ['--norc', '--noprofile', '-euo', 'pipefail', '-c', helper.postInstall], { cwd: join(src, 'gentry-helper'), env: { PATH: process.env.PATH, out }, encoding: 'utf8' });
  return { ...r, out };
}

describe("nix/helper.nix's postInstall, run by bash", () => {
  it('installs libexec/gentry-helper and share/polkit-1/actions/org.gentry.helper.policy, and leaves no bin/', () => {
    const r = runPostInstall();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(statSync(join(r.out, 'libexec/gentry-helper')).mode & 0o111).not.toBe(0);
    expect(existsSync(join(r.out, 'bin'))).toBe(false);
    const installed = join(r.out, 'share/polkit-1/actions/org.gentry.helper.policy');
    expect(statSync(installed).mode & 0o777).toBe(0o644);
    expect(readFileSync(installed, 'utf8')).toBe(readFileSync(join(ROOT, 'native-helpers/polkit/org.gentry.helper.policy'), 'utf8'));
  });

  it('stops when the policy names another helper path for any action', () => {
    let replaced = false;
    const r = runPostInstall((t) =>
      t.replace(`>${NIXOS_HELPER}<`, () => {
        replaced = true;
        return '>/usr/libexec/gentry-helper<';
      }),
    );
    expect(replaced).toBe(true);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`names an exec.path other than ${NIXOS_HELPER}`);
    expect(r.stderr).toContain('/usr/libexec/gentry-helper\n');
    expect(existsSync(join(r.out, 'share/polkit-1/actions/org.gentry.helper.policy'))).toBe(false);
  });

  it('stops when the policy names no helper path at all', () => {
    const r = runPostInstall((t) => t.replace(/<annotate key="org\.freedesktop\.policykit\.exec\.path">[^<]*<\/annotate>/g, ''));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('names no org.freedesktop.policykit.exec.path');
  });
});
