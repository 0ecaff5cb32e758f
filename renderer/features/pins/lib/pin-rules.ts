// Which diff rows can be pinned and to what, which pins a package name stands for, and how a
// generation named by a pins answer ({profile, number}) maps back to a generation of the app.
import type { DiffStatus, GenerationRef, PackageDiff, Pin, PinProblem, PinTarget, Profile, ProfileKind } from '../../../../common/contract/index.ts';

/** The row kinds that offer "Pin to the version from generation N": the version before is gone or moved. */
export const PINNABLE_STATUSES: ReadonlySet<DiffStatus> = new Set(['upgraded', 'downgraded', 'changed', 'removed']);

/** One thing the pin dialog can pin: a version (null: whatever the generation has) from one generation. */
export type PinChoice = { version: string | null; generation: GenerationRef };

/** What the pin dialog is opened with: the attribute and the choices of version and generation. */
export type PinRequest = { attr: string; choices: readonly PinChoice[] };

/** The kinds of profile an overlay target can serve. */
export type TargetKind = PinTarget['kind'];

/** True for the profile kinds pins apply to (system and home-manager); per-user profiles have no overlay. */
export function isTargetKind(kind: ProfileKind): kind is TargetKind {
  return kind === 'system' || kind === 'home';
}

/** The distinct non-empty versions a row had before, in the row's order. */
export function beforeVersions(row: Pick<PackageDiff, 'before'>): string[] {
  return [...new Set(row.before.filter((version) => version !== ''))];
}

/**
 * The pin request a diff row offers, or null when it offers none (added or rebuilt rows, a bare
 * store path on the `from` side, or a per-user profile). A row whose versions before are all empty
 * pins "what generation N had" (version null).
 */
export function pinRequestForRow(row: Pick<PackageDiff, 'name' | 'before' | 'status'>, from: GenerationRef | null): PinRequest | null {
  if (!PINNABLE_STATUSES.has(row.status) || from === null || !isTargetKind(from.kind)) return null;
  if (row.before.length === 0) return null;
  const versions = beforeVersions(row);
  const choices: PinChoice[] = versions.length === 0 ? [{ version: null, generation: from }] : versions.map((version) => ({ version, generation: from }));
  return { attr: row.name, choices };
}

/** The words of a row's pin action: "Pin to 8.0.1 from generation 41…" (or "an older version" when it has several). */
export function pinActionLabel(request: PinRequest): string {
  const first = request.choices[0];
  if (!first) return 'Pin…';
  const versions = new Set(request.choices.map((choice) => choice.version));
  const what = versions.size === 1 ? (first.version ?? 'the version') : 'a version';
  const numbers = new Set(request.choices.map((choice) => choice.generation.number));
  const where = numbers.size === 1 ? ` from generation ${first.generation.number}` : '';
  return `Pin to ${what}${where}…`;
}

/** How a choice reads in the dialog's chooser: only what differs between the choices is said. */
export function choiceLabel(choice: PinChoice, all: readonly PinChoice[]): string {
  const versionsDiffer = new Set(all.map((c) => c.version)).size > 1;
  const generationsDiffer = new Set(all.map((c) => `${c.generation.kind}:${c.generation.name}:${c.generation.number}`)).size > 1;
  const version = choice.version ?? 'its version';
  const generation = `${choice.generation.name} #${choice.generation.number}`;
  if (versionsDiffer && generationsDiffer) return `${version} — ${generation}`;
  if (generationsDiffer) return `from ${generation}`;
  return version;
}

/** What the dialog's chooser is called: "Version", "From" (only the generations differ), or "Version, from". */
export function chooserLabel(all: readonly PinChoice[]): string {
  const versionsDiffer = new Set(all.map((c) => c.version)).size > 1;
  const generationsDiffer = new Set(all.map((c) => `${c.generation.kind}:${c.generation.name}:${c.generation.number}`)).size > 1;
  return versionsDiffer && generationsDiffer ? 'Version, from' : generationsDiffer ? 'From' : 'Version';
}

/** True when a pinned attribute stands for a package name: the same, or the attribute's last part (`python3Packages.requests`). */
export function attrMatchesName(attr: string, name: string): boolean {
  if (attr === name) return true;
  const last = attr.slice(attr.lastIndexOf('.') + 1);
  return last !== '' && last === name;
}

/** One pin that matches a package, with its target and its own problems. */
export type PinMatch = { target: PinTarget; pin: Pin; problems: PinProblem[] };

/**
 * The pins a package name stands for. For a system or home-manager profile only targets of that
 * kind count; elsewhere (per-user profiles, or kind unknown) every target does.
 */
export function pinsMatching(targets: readonly PinTarget[] | null, name: string, kind: ProfileKind | null): PinMatch[] {
  if (!targets) return [];
  const matches: PinMatch[] = [];
  for (const target of targets) {
    if (kind !== null && isTargetKind(kind) && target.kind !== kind) continue;
    for (const pin of target.pins) {
      if (attrMatchesName(pin.attr, name)) matches.push({ target, pin, problems: problemsOf(target, pin.attr) });
    }
  }
  return matches;
}

/** The problems of one pin of a target. */
export function problemsOf(target: Pick<PinTarget, 'problems'>, attr: string): PinProblem[] {
  return target.problems.filter((problem) => problem.attr === attr);
}

/** The problems about a target as a whole (not about one pin). */
export function targetProblems(target: Pick<PinTarget, 'problems'>): PinProblem[] {
  return target.problems.filter((problem) => problem.attr === null);
}

/** The targets a generation of `kind` can be pinned in. */
export function targetsForKind(targets: readonly PinTarget[] | null, kind: ProfileKind): PinTarget[] {
  return (targets ?? []).filter((target) => target.kind === kind);
}

/**
 * The generation a pins answer names ({profile, number}): `profile` may be a profile's name
 * (`system`, `home-manager`) or its path; null when no listed profile matches.
 */
export function refForGeneration(profiles: readonly Pick<Profile, 'kind' | 'name' | 'path'>[] | null, generation: { profile: string; number: number }): GenerationRef | null {
  if (!profiles) return null;
  const byPath = profiles.find((profile) => profile.path === generation.profile);
  const found = byPath ?? profiles.find((profile) => profile.name === generation.profile && isTargetKind(profile.kind))
    ?? profiles.find((profile) => profile.name === generation.profile);
  return found ? { kind: found.kind, name: found.name, number: generation.number } : null;
}

/** A target's pins with the newest-created first (then by attribute). */
export function pinsInOrder(pins: readonly Pin[]): Pin[] {
  return [...pins].sort((a, b) => (a.created === b.created ? a.attr.localeCompare(b.attr) : a.created < b.created ? 1 : -1));
}

/** Replaces a target (by name) in a list, or adds it at the end. */
export function withTarget(targets: readonly PinTarget[] | null, target: PinTarget): PinTarget[] {
  const list = [...(targets ?? [])];
  const index = list.findIndex((candidate) => candidate.name === target.name);
  if (index >= 0) list[index] = target;
  else list.push(target);
  return list;
}
