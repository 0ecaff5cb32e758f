// What the progress panel says about a run's counts: the build bar's fill, the sentences beside it, and the
// active builds in a steady order.
import type { Progress } from '../../../../common/contract/index.ts';
import { formatSize } from '../../../../common/format-size.ts';

/** Counts of a run before Nix has said anything. */
export const EMPTY_PROGRESS: Progress = {
  builds: { done: 0, expected: 0, running: 0, failed: 0 },
  downloads: { done: 0, expected: 0, bytes: 0 },
  errors: [],
  active: [],
};

/** How full the builds bar is, 0..1: finished builds (done or failed) over expected; 0 while nothing is expected. */
export function buildFraction(progress: Progress): number {
  const { done, failed, expected } = progress.builds;
  if (expected <= 0) return 0;
  return Math.min(1, Math.max(0, (done + failed) / expected));
}

/** "3 of 7 built", "nothing to build yet", "7 built". */
export function buildsText(progress: Progress): string {
  const { done, expected } = progress.builds;
  if (expected === 0 && done === 0) return 'nothing to build yet';
  if (expected <= done) return `${done} built`;
  return `${done} of ${expected} built`;
}

/** "2 of 5 downloaded, 3.4 MiB", "none". */
export function downloadsText(progress: Progress): string {
  const { done, expected, bytes } = progress.downloads;
  if (expected === 0 && done === 0) return bytes > 0 ? `${formatSize(bytes)} downloaded` : 'none';
  const count = expected > done ? `${done} of ${expected} downloaded` : `${done} downloaded`;
  return `${count}, ${formatSize(bytes)}`;
}

/** The part of a store path or derivation name a person reads: `/nix/store/…-hello-2.12.drv` → `hello-2.12`. */
export function shortBuildName(name: string): string {
  const base = name.replace(/^.*\//, '');
  const withoutHash = base.replace(/^[0-9a-df-np-sv-z]{32}-/, '');
  return withoutHash.replace(/\.drv$/, '');
}

/** A build's phase as words: "buildPhase" → "build", "installPhase" → "install"; "starting" when Nix has not said. */
export function phaseText(phase: string | null): string {
  if (phase === null || phase === '') return 'starting';
  const bare = phase.replace(/Phase$/, '');
  return bare === '' ? phase : bare;
}

/** True when the progress carries anything worth drawing beyond zeros. */
export function hasProgress(progress: Progress): boolean {
  return progress.builds.expected + progress.builds.done + progress.builds.failed + progress.builds.running > 0
    || progress.downloads.expected + progress.downloads.done > 0
    || progress.errors.length > 0;
}

/** Text without terminal colour and cursor sequences (Nix's error messages carry them). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g, '');
}
