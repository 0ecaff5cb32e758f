// What the deb carries besides the app: the privileged helper at /usr/libexec/gentry-helper and its
// polkit policy, made from the template in native-helpers/polkit/ with every action's exec.path set to
// that path (pkexec compares the path as a string: shared/reference/packaging.md section 2).
// electron-builder.yml's deb.fpm maps the files staged here into the package.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the deb installs the helper; the app looks here when the NixOS path does not exist. */
export const DEB_HELPER_PATH = '/usr/libexec/gentry-helper';
/** Where polkitd reads actions on Debian and most other distributions. */
export const DEB_POLICY_PATH = '/usr/share/polkit-1/actions/org.gentry.helper.policy';
// electron-builder.yml's deb.fpm names dist/stage/ (the default output directory's stage/); scripts/package.js
// passes the paths of the stage it made instead.

const EXEC_PATH = /(<annotate key="org\.freedesktop\.policykit\.exec\.path">)([^<]*)(<\/annotate>)/g;

/** The policy template with every action's exec.path set to `execPath`; throws unless each action names exactly one. */
export function policyWithExecPath(template, execPath) {
  if (!execPath.startsWith('/') || /[<>&\s]/.test(execPath)) throw new Error(`exec path must be an absolute path without spaces or XML characters, got ${JSON.stringify(execPath)}`);
  const actions = template.match(/<action id="/g)?.length ?? 0;
  const paths = template.match(EXEC_PATH)?.length ?? 0;
  if (actions === 0 || actions !== paths) {
    throw new Error(`the polkit policy template has ${actions} actions and ${paths} exec.path annotations; each action must name the helper exactly once (native-helpers/polkit/org.gentry.helper.policy)`);
  }
  return template.replace(EXEC_PATH, (_all, open, _old, close) => `${open}${execPath}${close}`);
}

function writeAtomic(file, data, mode) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, data, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, file);
}

/** Stages the helper binary and the deb's policy (from the checkout at `root`) in `outDir`/stage; returns their paths. */
export function stageDebFiles(root, outDir, helperBinary) {
  const stage = join(outDir, 'stage');
  mkdirSync(stage, { recursive: true });
  const helper = join(stage, 'gentry-helper');
  const tmp = `${helper}.tmp-${process.pid}`;
  copyFileSync(helperBinary, tmp);
  chmodSync(tmp, 0o755);
  renameSync(tmp, helper);
  const template = readFileSync(join(root, 'native-helpers/polkit/org.gentry.helper.policy'), 'utf8');
  const policy = join(stage, 'org.gentry.helper.policy');
  writeAtomic(policy, policyWithExecPath(template, DEB_HELPER_PATH), 0o644);
  return { helper, policy };
}
