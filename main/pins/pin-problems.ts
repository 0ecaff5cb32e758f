// What is wrong with a pin, from facts gathered elsewhere (Nix's evaluation, the generations, the
// store, other targets, the clock). Pure: every rule is tested on its own (pin-problems.test.ts).
import type { Pin, PinProblem } from '../../common/contract/index.ts';
import { compareVersions } from '../../common/compare-versions.ts';
import { formatSize } from '../../common/format-size.ts';
import type { AttrCheck } from './attr-eval.ts';
import { flakeInputAdvice } from './pin-rules.ts';

/** A pin is "old" after this many days. */
export const OLD_AFTER_DAYS = 30;

/** The same attribute pinned in another target (or twice in this one). */
export interface OtherPin {
  target: string;
  kind: 'system' | 'home';
  /** True when it is another entry of the same target's pins.json. */
  sameTarget: boolean;
  pin: Pin;
}

/** Everything the rules look at for one pin. */
export interface PinFacts {
  pin: Pin;
  targetKind: 'system' | 'home';
  /** Why the pin's attr, source or rev is unusable (a hand-edited pins.json); null when they are fine. */
  fieldProblem: string | null;
  /** What Nix said at the pin's revision; null when it was not asked (no way to fetch it here). */
  check: AttrCheck | null;
  /** github: sources without a narHash: why none could be found. */
  narHashReason: string | null;
  others: OtherPin[];
  /** The current generation of the profile the target changes; null when there is none. */
  current: { profile: string; number: number; date: Date; versions: string[] } | null;
  /** The newest version above the pinned one that generations made before the pin had: the one it works around. */
  brokenVersion: string | null;
  /** The version the local nixpkgs checkout has now; null without a checkout (or when it has none). */
  upstream: { version: string; where: string } | null;
  inStore: boolean;
  /** When not in the store: a closure size to go by (the pinned version's own, or a neighbour's for scale). */
  sizeHint: { bytes: number; of: string } | null;
  /** True when the pin is being previewed (it is not in pins.json yet, so the current generation was built without it). */
  isNew: boolean;
  now: Date;
}

const ms = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NaN : t;
};

/** Every problem of one pin, in a fixed order. */
export function pinProblems(f: PinFacts): PinProblem[] {
  const { pin } = f;
  const out: PinProblem[] = [];
  const add = (kind: PinProblem['kind'], severity: PinProblem['severity'], message: string) => out.push({ attr: pin.attr, kind, severity, message });
  if (f.fieldProblem !== null) {
    add('unreadable', 'error', `this pin cannot be used: ${f.fieldProblem}`);
    return out;
  }
  const at = `${pin.source} at ${pin.rev.slice(0, 12)}`;

  if (pin.source.startsWith('github:') && pin.narHash === null) {
    const why = f.narHashReason ? ` (${f.narHashReason})` : '';
    const unchecked = f.check === null ? ` Whether ${pin.attr} exists there and is ${pin.version} was not checked: Gentry assumed the attribute is named like the package in the store paths (${pin.attr}).` : '';
    add(
      'no-narhash',
      'warning',
      `no narHash: the archive of ${at} could not be fetched here${why}, so a flake's pure evaluation refuses this pin (an impure nixos-rebuild still works, without checking the hash).${unchecked} Add the pin again when online to record the hash, or use a flake input instead: ${flakeInputAdvice(pin.attr, pin.source, pin.rev)}`,
    );
  }

  const c = f.check;
  if (c?.checked) {
    if (!c.facts.exists) {
      add('missing-attr', 'error', `there is no attribute ${pin.attr} in ${at} (asked Nix, through ${c.via}). The store paths call the package ${pin.attr}, but its attribute may be named differently: search.nixos.org shows it.`);
    } else if (c.facts.failed) {
      add('missing-attr', 'error', `${pin.attr} exists in ${at} but evaluating it fails (a removed alias, or an assertion): the overlay would fail the same way.`);
    } else if (c.facts.version === null) {
      add('version-mismatch', 'warning', `${pin.attr} in ${at} has no version (neither .version nor a version in .name): it could not be compared with ${pin.version}.`);
    } else if (c.facts.version !== pin.version) {
      add('version-mismatch', 'error', `${pin.attr} in ${at} is version ${c.facts.version}, not the pinned ${pin.version}.`);
    }
  } else if (c && !c.checked) {
    add('unreadable', c.broken ? 'error' : 'warning', c.broken ? `Nix could not fetch or evaluate ${at}: ${c.reason}. The overlay would fail the same way.` : `not checked: ${c.reason}.`);
  }

  for (const o of f.others) {
    if (o.pin.version === pin.version && o.pin.source === pin.source && o.pin.rev === pin.rev && !o.sameTarget) continue;
    if (o.sameTarget) {
      add('conflict', 'error', `${pin.attr} is pinned twice in this target's pins.json (${o.pin.version} and ${pin.version}): only one can win. Remove one.`);
    } else if (o.pin.version !== pin.version) {
      const severity = o.kind === f.targetKind ? 'error' : 'warning';
      const why = o.kind === f.targetKind ? `both change the ${o.kind} package set, and whichever overlay comes last wins` : `one is for the ${o.kind} profile, this one for the ${f.targetKind} profile, so which one runs depends on PATH`;
      add('conflict', severity, `${pin.attr} is pinned to ${o.pin.version} in target ${o.target} and to ${pin.version} here: ${why}.`);
    } else {
      add('conflict', 'warning', `${pin.attr} ${pin.version} is pinned in target ${o.target} too, from another revision (${o.pin.source} at ${o.pin.rev.slice(0, 12)}).`);
    }
  }

  const created = ms(pin.created);
  const builtWithoutPin = f.current !== null && (f.isNew || Number.isNaN(created) || f.current.date.getTime() <= created);
  if (f.current && builtWithoutPin && f.current.versions.includes(pin.version)) {
    add('no-change', 'warning', `the current generation (${f.current.profile} ${f.current.number}) already has ${pin.attr} ${pin.version}: the pin changes nothing.`);
  } else if (f.upstream && f.upstream.version === pin.version) {
    add('no-change', 'warning', `${f.upstream.where} has ${pin.attr} ${pin.version} too: without the pin you would get the same version.`);
  }

  if (!Number.isNaN(created)) {
    const days = Math.floor((f.now.getTime() - created) / 86_400_000);
    if (days > OLD_AFTER_DAYS) add('old', 'warning', `pinned ${days} days ago (${pin.created}): check whether it is still needed.`);
  } else {
    add('old', 'warning', `the pin's creation date ${JSON.stringify(pin.created)} cannot be read, so its age is unknown.`);
  }

  if (f.brokenVersion !== null) {
    const candidates: { version: string; where: string }[] = [];
    if (f.upstream) candidates.push(f.upstream);
    if (f.current && !builtWithoutPin) for (const v of f.current.versions) candidates.push({ version: v, where: `the current generation (${f.current.profile} ${f.current.number})` });
    const newer = candidates.filter((x) => compareVersions(x.version, f.brokenVersion as string) > 0).sort((a, b) => compareVersions(b.version, a.version))[0];
    if (newer) {
      add('fixed-upstream', 'warning', `${newer.where} has ${pin.attr} ${newer.version}, newer than ${f.brokenVersion}, the version this pin works around: it may be fixed upstream. Try without the pin.`);
    }
  }

  // A pin that cannot work at all is not going to be downloaded either.
  const cannotWork = c !== null && (c.checked ? !c.facts.exists || c.facts.failed : c.broken);
  if (!f.inStore && !cannotWork) {
    const size = f.sizeHint ? ` (${f.sizeHint.of}: ${formatSize(f.sizeHint.bytes)})` : ' (its size is not known here)';
    add('not-in-store', 'warning', `${pin.attr} ${pin.version} is not in the local store: the next rebuild downloads it from a binary cache, or builds it if no cache has it${size}.`);
  }
  return out;
}

/** The problems that stop a pin from being written: it could not work, or it fights another target of the same kind. */
export function blockingProblems(problems: readonly PinProblem[]): PinProblem[] {
  return problems.filter((p) => p.severity === 'error');
}
