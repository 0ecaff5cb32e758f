// Pins, put together: a target's state (pins, problems, what the current generation carries), the
// preview and writing of a pin (from a generation, or from a source and revision), removal, and the
// versions of a package this machine has had. The CLI (`gentry pins`) and the services both use it.
import type { GenerationRef, OverlayTarget, Pin, PinProblem, PinSuggestions, PinTarget } from '../../common/contract/index.ts';
import { compareVersions } from '../../common/compare-versions.ts';
import { resolveGeneration } from '../diff/resolve-side.ts';
import { profilePath } from '../nix/profile-path.ts';
import { GentryError } from '../infra/errors.ts';
import type { Logger } from '../infra/log.ts';
import type { ClosureReader } from '../nix/closure-reader.ts';
import type { MachinePaths } from '../nix/locations.ts';
import { isoSeconds } from '../nix/read-model.ts';
import type { ProcessRunner } from '../infra/process.ts';
import { type AttrCheck, AttrEvaluator, type EvalFetch, NarHashFinder, type NixEnv } from './attr-eval.ts';
import { currentGeneration, type PinKind, RevisionReader, type ScannedGeneration, scanGenerations, unionClosureSize, validPathsNamed } from './generation-scan.ts';
import { NixpkgsCheckout } from './nixpkgs-checkout.ts';
import { ensureOverlay, overlayState, wiringLine } from './overlay-text.ts';
import { blockingProblems, type OtherPin, pinProblems } from './pin-problems.ts';
import { attrProblem, checkPinFields, DEFAULT_SOURCE, revProblem, sourceFetch, sourceProblem, tarballUrl } from './pin-rules.ts';
import { type PinsFile, pinsFileText, readPinsFile, readPinsForChange, updatePinsFile, withoutPin, withPin } from './pins-file.ts';

/** What pins need from the world around them. */
export interface PinEnv {
  paths: MachinePaths;
  run: ProcessRunner;
  log: Logger;
  reader(): Promise<ClosureReader>;
  /** Gentry's cache directory (evaluations, narHashes, revisions); null: remembered in memory only. */
  cacheDir: string | null;
  /** A local nixpkgs checkout, when the person named one. */
  nixpkgsGit: string | null;
  now(): Date;
  /** How long one Nix evaluation may take; default 5 minutes. */
  evalTimeoutMs?: number;
}

/** Where a new pin's revision comes from. */
export type PinRoute = { from: 'generation'; generation: GenerationRef; source?: string } | { from: 'source'; source: string; rev: string };

/** A pin to preview or add. */
export interface PinRequest {
  attr: string;
  route: PinRoute;
  version?: string;
  reason?: string;
}

/** What previewPin returns: the entry, the whole pins.json it would write, and the problems. */
export interface PinPreview {
  entry: Pin;
  pinsJson: string;
  problems: PinProblem[];
}

interface OtherTargetPin {
  target: string;
  kind: PinKind;
  pin: Pin;
}

/** The pins engine for one machine and one set of settings. */
export class Pins {
  readonly #env: PinEnv;
  readonly #nix: NixEnv;
  readonly #evaluator: AttrEvaluator;
  readonly #narHashes: NarHashFinder;
  readonly #revisions: RevisionReader;
  readonly #checkout: NixpkgsCheckout | null;

  constructor(env: PinEnv) {
    this.#env = env;
    this.#nix = { run: env.run, log: env.log, cacheDir: env.cacheDir, evalTimeoutMs: env.evalTimeoutMs ?? 300_000 };
    this.#evaluator = new AttrEvaluator(this.#nix);
    this.#narHashes = new NarHashFinder(this.#nix);
    this.#revisions = new RevisionReader(env.run, env.cacheDir, env.log);
    this.#checkout = env.nixpkgsGit ? new NixpkgsCheckout(env.nixpkgsGit, this.#nix) : null;
  }

  /** How Nix can fetch a pin's tree to check it here, or null when it cannot (a github: archive without network). */
  async #evalFetch(pin: Pin): Promise<{ fetch: EvalFetch; via: string } | null> {
    const f = sourceFetch(pin.source);
    if (f.kind === 'git') return { fetch: { kind: 'git', url: f.url, rev: pin.rev }, via: `fetchGit of ${pin.source}` };
    if (this.#checkout && (await this.#checkout.has(pin.rev))) {
      return { fetch: { kind: 'git', url: this.#checkout.url, rev: pin.rev }, via: `the local nixpkgs checkout ${this.#checkout.dir}` };
    }
    if (pin.narHash !== null) return { fetch: { kind: 'tarball', url: tarballUrl(pin.source, pin.rev), sha256: pin.narHash }, via: "GitHub's archive" };
    return null;
  }

  async #check(pin: Pin): Promise<AttrCheck | null> {
    const route = await this.#evalFetch(pin);
    return route ? this.#evaluator.check(pin.source, pin.rev, pin.attr, route.fetch, route.via) : null;
  }

  async #otherPins(others: readonly OverlayTarget[]): Promise<OtherTargetPin[]> {
    const out: OtherTargetPin[] = [];
    for (const t of others) {
      const read = await readPinsFile(t.path);
      if (read.ok) for (const pin of read.file.pins) out.push({ target: t.name, kind: t.kind, pin });
    }
    return out;
  }

  /** The problems of each pin of a file; `isNew`: the index of a pin being previewed, whose problems alone are wanted. */
  async #problems(target: OverlayTarget, file: PinsFile, checks: (AttrCheck | null)[], scanned: ScannedGeneration[], others: OtherTargetPin[], isNew: number | null, narHashReason: string | null): Promise<PinProblem[]> {
    const problems: PinProblem[] = [];
    const reader = await this.#env.reader();
    const current = currentGeneration(scanned, target.kind);
    for (const [i, pin] of file.pins.entries()) {
      if (isNew !== null && i !== isNew) continue;
      const fieldProblem = attrProblem(pin.attr) ?? sourceProblem(pin.source) ?? revProblem(pin.rev);
      const check = checks[i] ?? null;
      const name = lookupName(pin, check);
      const sameTarget: OtherPin[] = file.pins.filter((p, j) => j !== i && p.attr === pin.attr).map((p) => ({ target: target.name, kind: target.kind, sameTarget: true, pin: p }));
      const elsewhere: OtherPin[] = others.filter((o) => o.pin.attr === pin.attr).map((o) => ({ ...o, sameTarget: false }));
      const created = Date.parse(pin.created);
      const before = scanned.filter((g) => g.kind === target.kind && (i === isNew || Number.isNaN(created) || g.date.getTime() <= created));
      const newer = before.flatMap((g) => [...(g.packages.get(name)?.keys() ?? [])]).filter((v) => compareVersions(v, pin.version) > 0);
      const brokenVersion = newer.sort(compareVersions).at(-1) ?? null;
      let upstream: { version: string; where: string } | null = null;
      if (this.#checkout && fieldProblem === null) {
        const head = await this.#checkout.headAttr(pin.attr);
        if (!('error' in head) && head.exists && head.version !== null) upstream = { version: head.version, where: `the local nixpkgs checkout (${this.#checkout.dir})` };
      }
      const holding = scanned.filter((g) => g.packages.get(name)?.has(pin.version));
      let inStore = holding.length > 0;
      if (!inStore) inStore = ((await validPathsNamed(this.#env.paths.nixDb, name, pin.version)) ?? []).length > 0;
      let sizeHint: { bytes: number; of: string } | null = null;
      if (!inStore) {
        const seen = scanned.flatMap((g) => [...(g.packages.get(name)?.entries() ?? [])]);
        const newest = seen.sort((a, b) => compareVersions(b[0], a[0]))[0];
        if (newest) sizeHint = { bytes: await unionClosureSize(reader, newest[1]), of: `${name} ${newest[0]}'s closure here, for scale` };
      }
      problems.push(
        ...pinProblems({
          pin,
          targetKind: target.kind,
          fieldProblem,
          check,
          narHashReason: i === isNew ? narHashReason : null,
          others: [...sameTarget, ...elsewhere],
          current: current ? { profile: current.profile, number: current.number, date: current.date, versions: [...(current.packages.get(name)?.keys() ?? [])] } : null,
          brokenVersion,
          upstream,
          inStore,
          sizeHint,
          isNew: i === isNew,
          now: this.#env.now(),
        }),
      );
    }
    return problems;
  }

  async #checks(pins: readonly Pin[]): Promise<(AttrCheck | null)[]> {
    const out: (AttrCheck | null)[] = [];
    // One at a time: each may evaluate a whole nixpkgs.
    for (const pin of pins) out.push(attrProblem(pin.attr) ?? sourceProblem(pin.source) ?? revProblem(pin.rev) ? null : await this.#check(pin));
    return out;
  }

  /** A target with its pins, every problem, and what the current generation carries. */
  async targetState(target: OverlayTarget, others: readonly OverlayTarget[]): Promise<PinTarget> {
    const base = { name: target.name, path: target.path, kind: target.kind, wiring: wiringLine(target) };
    const read = await readPinsFile(target.path);
    if (!read.ok) return { ...base, pins: [], problems: [{ attr: null, kind: 'unreadable', severity: 'error', message: read.problem }], carried: [] };
    const { pins } = read.file;
    const checks = await this.#checks(pins);
    const scanned = await scanGenerations(this.#env.paths, await this.#env.reader(), new Set(pins.map((p, i) => lookupName(p, checks[i] ?? null))));
    const problems = await this.#problems(target, read.file, checks, scanned, await this.#otherPins(others), null, null);
    const overlay = await overlayState(target.path);
    if (overlay === 'missing' && pins.length > 0) {
      problems.unshift({ attr: null, kind: 'unreadable', severity: 'error', message: `${target.path}/overlay.nix is missing, so these pins do nothing; the next \`gentry pins add\` or \`remove\` writes it again.` });
    } else if (overlay === 'edited') {
      problems.unshift({ attr: null, kind: 'unreadable', severity: 'warning', message: `${target.path}/overlay.nix is not the text Gentry wrote (edited by hand?): Gentry leaves it alone, so what the pins do depends on that text.` });
    }
    const current = currentGeneration(scanned, target.kind);
    const carried = pins.map((pin, i) => {
      const currentVersions = [...(current?.packages.get(lookupName(pin, checks[i] ?? null))?.keys() ?? [])].sort(compareVersions);
      return { attr: pin.attr, currentVersions, carried: currentVersions.includes(pin.version) };
    });
    return { ...base, pins, problems, carried };
  }

  /** The pin a request makes, the pins.json it would write, and its problems. */
  async preview(target: OverlayTarget, others: readonly OverlayTarget[], req: PinRequest): Promise<PinPreview & { previousText: string | null; file: PinsFile }> {
    const { file, text } = await readPinsForChange(target.path);
    const attrWhy = attrProblem(req.attr);
    if (attrWhy) throw new GentryError('bad-input', attrWhy, 'Dotted attribute paths are refused until the overlay can override package sets properly.');
    let scanned = await scanGenerations(this.#env.paths, await this.#env.reader(), new Set([req.attr]));
    let source: string;
    let rev: string;
    let version = req.version ?? null;
    let fromGeneration: Pin['fromGeneration'] = null;
    if (req.route.from === 'generation') {
      const found = await this.#fromGeneration(req.route.generation, req.attr, version, scanned);
      source = req.route.source ?? DEFAULT_SOURCE;
      ({ rev, version } = found);
      fromGeneration = { profile: req.route.generation.name, number: req.route.generation.number };
    } else {
      ({ source, rev } = req.route);
    }
    checkPinFields(req.attr, source, rev);
    let narHash: string | null = null;
    let narHashReason: string | null = null;
    if (sourceFetch(source).kind === 'tarball') {
      const found = await this.#narHashes.find(tarballUrl(source, rev));
      narHash = found.narHash;
      if (found.narHash === null) narHashReason = found.reason;
    }
    const draft: Pin = { attr: req.attr, version: version ?? '', source, rev, narHash, reason: req.reason?.trim() || null, created: isoSeconds(this.#env.now()), fromGeneration };
    const check = await this.#check(draft);
    if (version === null) {
      if (check?.checked && check.facts.exists && check.facts.version !== null) version = check.facts.version;
      else if (check?.checked && (!check.facts.exists || check.facts.failed)) version = ''; // refused below: missing-attr
      else {
        const why = check === null ? `Nix cannot fetch ${source} here${narHashReason ? ` (${narHashReason})` : ''}` : check.checked ? `Nix found no version of ${req.attr} there` : check.reason;
        throw new GentryError('bad-input', `the version of ${req.attr} at ${rev.slice(0, 12)} is not known: ${why}`, 'Give it with --version.');
      }
    }
    const entry: Pin = { ...draft, version };
    const next = withPin(file, entry);
    const at = next.pins.findIndex((p) => p.attr === entry.attr);
    const name = lookupName(entry, check);
    if (name !== req.attr) scanned = await scanGenerations(this.#env.paths, await this.#env.reader(), new Set([name]));
    const checks = next.pins.map((p, i) => (i === at ? check : null));
    const problems = await this.#problems(target, next, checks, scanned, await this.#otherPins(others), at, narHashReason);
    return { entry, pinsJson: pinsFileText(next), problems, previousText: text, file: next };
  }

  /** The version and revision of `attr` in one generation. */
  async #fromGeneration(ref: GenerationRef, attr: string, version: string | null, scanned: ScannedGeneration[]): Promise<{ version: string; rev: string }> {
    if (ref.kind === 'user') throw new GentryError('bad-input', 'per-user profiles do not record the nixpkgs they came from', 'Pin from a system or home-manager generation, or give --source and --rev.');
    const profile = await profilePath(this.#env.paths, ref.kind, ref.name);
    const resolved = await resolveGeneration(profile, ref.kind, ref.number);
    const gen = scanned.find((g) => g.kind === ref.kind && g.profile === ref.name && g.number === ref.number);
    const where = `generation ${ref.number} of ${ref.name}`;
    if (!gen) throw new GentryError('not-found', `${where} (${resolved.side.storePath}) cannot be read from the Nix store`, 'Pick a generation whose store path is still there.');
    const versions = gen.packages.get(attr);
    if (!versions || versions.size === 0) {
      throw new GentryError('not-found', `${where} has no package named ${attr}`, 'Gentry finds packages by the name in their store paths (as the diff shows them); gentry pins suggest ATTR lists the generations that have it.');
    }
    const held = [...versions.keys()].sort(compareVersions);
    let chosen: string;
    if (version !== null) {
      if (!versions.has(version)) throw new GentryError('bad-input', `${where} has ${attr} ${held.join(', ')}, not ${version}`, 'Pick one of those, or another generation.');
      chosen = version;
    } else if (held.length > 1) {
      throw new GentryError('bad-input', `${where} has several versions of ${attr}: ${held.join(', ')}`, 'Choose one with --version.');
    } else chosen = held[0] as string;
    let revisionFrom = gen;
    if (gen.kind === 'home') {
      // home-manager records no nixpkgs revision; a system generation holding the very same store paths was built from the same one.
      const paths = new Set(versions.get(chosen));
      const twin = scanned.filter((g) => g.kind === 'system' && (g.packages.get(attr)?.get(chosen) ?? []).some((p) => paths.has(p))).sort((a, b) => b.number - a.number)[0];
      if (!twin) throw new GentryError('bad-input', `home-manager generations do not record the nixpkgs revision they were built from, and no system generation has the same ${attr} ${chosen}`, 'Give --source and --rev (a nixpkgs revision that has it).');
      revisionFrom = twin;
    }
    const revision = await this.#revisions.revisionOf(revisionFrom);
    if (revision.full) return { version: chosen, rev: revision.full };
    if (revision.short && this.#checkout) {
      const full = await this.#checkout.resolve(revision.short);
      if (full) return { version: chosen, rev: full };
      throw new GentryError('bad-input', `${where} was built from nixpkgs ${revision.short}, which the checkout ${this.#checkout.dir} does not have`, 'Fetch it there (git fetch), or give --source and --rev.');
    }
    if (revision.short) {
      throw new GentryError('bad-input', `${where} records only the short nixpkgs revision ${revision.short} (its nixos-version has no --json), and Nix fetches only full revisions`, 'Name a local nixpkgs checkout (settings, or --nixpkgs-git) to resolve it, or give --source and --rev.');
    }
    throw new GentryError('bad-input', `${where} does not say which nixpkgs revision it was built from`, 'Give --source and --rev.');
  }

  /** Writes a pin (pins.json with a .bak, overlay.nix the first time) unless it has an error-level problem; says which. */
  async tryAdd(target: OverlayTarget, others: readonly OverlayTarget[], req: PinRequest): Promise<{ added: true; preview: PinPreview; target: PinTarget } | { added: false; preview: PinPreview; blocking: PinProblem[] }> {
    const plan = await this.preview(target, others, req);
    const preview = { entry: plan.entry, pinsJson: plan.pinsJson, problems: plan.problems };
    const blocking = blockingProblems(plan.problems);
    if (blocking.length > 0) return { added: false, preview, blocking };
    await updatePinsFile(target.path, (now) => withPin(now, plan.entry)); // re-read under the lock: a concurrent change is kept
    await ensureOverlay(target.path);
    return { added: true, preview, target: await this.targetState(target, others) };
  }

  /** Writes a pin; a bad-input error listing the problems that stop it. */
  async add(target: OverlayTarget, others: readonly OverlayTarget[], req: PinRequest): Promise<PinTarget> {
    const done = await this.tryAdd(target, others, req);
    if (done.added) return done.target;
    throw new GentryError('bad-input', `${req.attr} was not pinned: ${done.blocking.map((p) => p.message).join(' ')}`, 'Fix what is said (another revision, another version, or the other pin), then add it again.');
  }

  /** Removes a pin (pins.json keeps a .bak). */
  async remove(target: OverlayTarget, others: readonly OverlayTarget[], attr: string): Promise<PinTarget> {
    await updatePinsFile(target.path, (now) => withoutPin(now, attr, target.path));
    await ensureOverlay(target.path);
    return this.targetState(target, others);
  }

  /** Every version of `attr` this machine's generations had (and the local checkout's history, when there is one). */
  async suggest(attr: string): Promise<PinSuggestions & { notices: string[] }> {
    const scanned = await scanGenerations(this.#env.paths, await this.#env.reader(), new Set([attr]));
    const byVersion = new Map<string, ScannedGeneration[]>();
    for (const g of scanned) {
      for (const v of g.packages.get(attr)?.keys() ?? []) {
        const list = byVersion.get(v);
        if (list) list.push(g);
        else byVersion.set(v, [g]);
      }
    }
    const notices: string[] = [];
    const versions: PinSuggestions['versions'] = [];
    for (const [version, gens] of byVersion) {
      versions.push({
        version,
        generations: gens.map((g) => ({ profile: g.profile, number: g.number })),
        nixpkgsRevision: await this.#revisionFor(gens),
        inStore: true,
      });
    }
    if (this.#checkout) {
      const history = await this.#checkout.history(attr, this.#evaluator);
      if ('error' in history) notices.push(history.error);
      else {
        for (const h of history.versions) {
          const known = versions.find((v) => v.version === h.version);
          if (known) {
            known.nixpkgsRevision ??= h.rev;
            continue;
          }
          const inStore = ((await validPathsNamed(this.#env.paths.nixDb, attr, h.version)) ?? []).length > 0;
          versions.push({ version: h.version, generations: [], nixpkgsRevision: h.rev, inStore });
        }
        notices.push(`versions from ${this.#checkout.dir}: ${history.how}`);
      }
    }
    versions.sort((a, b) => compareVersions(a.version, b.version));
    return { attr, versions, notices };
  }

  /** The best revision for a version: the newest system generation's full one, else a short one resolved in the checkout, else short. */
  async #revisionFor(gens: readonly ScannedGeneration[]): Promise<string | null> {
    const system = gens.filter((g) => g.kind === 'system').sort((a, b) => b.date.getTime() - a.date.getTime() || b.number - a.number);
    let short: string | null = null;
    for (const g of system) {
      const r = await this.#revisions.revisionOf(g);
      if (r.full) return r.full;
      short ??= r.short;
    }
    if (short && this.#checkout) return (await this.#checkout.resolve(short)) ?? short;
    return short;
  }

  /** How Nix can fetch `source` at `rev` here (the cost of a pin instantiates it so), or null when it cannot. */
  async fetchFor(source: string, rev: string, narHash: string | null): Promise<{ fetch: EvalFetch; via: string } | null> {
    return this.#evalFetch({ attr: '', version: '', source, rev, narHash, reason: null, created: '', fromGeneration: null });
  }
}

/** The name to look a pin up by in store paths: the package name Nix reported for the attribute, else the attribute itself. */
function lookupName(pin: Pin, check: AttrCheck | null): string {
  return check?.checked && check.facts.exists && check.facts.storeName ? check.facts.storeName : pin.attr;
}
