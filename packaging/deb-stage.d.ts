// Types of deb-stage.js (plain JavaScript: scripts/package.js runs it with no build step).
/** Where the deb installs the helper; the app looks here when the NixOS path does not exist. */
export const DEB_HELPER_PATH: string;
/** Where polkitd reads actions on Debian and most other distributions. */
export const DEB_POLICY_PATH: string;
/** The policy template with every action's exec.path set to `execPath`; throws unless each action names exactly one. */
export function policyWithExecPath(template: string, execPath: string): string;
/** Stages the helper binary and the deb's policy (from the checkout at `root`) in `outDir`/stage; returns their paths. */
export function stageDebFiles(root: string, outDir: string, helperBinary: string): { helper: string; policy: string };
