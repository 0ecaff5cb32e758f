// Turns Nix's internal-json events into the contract's Progress: builds, downloads, running builds with
// their phase, and errors. Pure and incremental; memory stays bounded however long the log is (finished
// activities are folded into totals and forgotten).
//
// What the numbers mean (checked against real Nix 2.8 logs, main/progress/fixtures/):
// - builds come from the `Progress` results (105) of each `Builds` activity (104): fields are
//   [done, expected, running, failed], where Nix's `expected` already leaves out failed builds (and
//   drops builds it cancels after a failure). Gentry's `expected` is Nix's `expected + failed`, so
//   done + failed <= expected always holds. Several nix processes in one log (nixos-rebuild runs more
//   than one) each have their own Builds activity: their counts are added up.
// - failed is the larger of the Builds' `failed` and the number of distinct derivations named by
//   "builder for '…' failed" (Nix ≤ 2.2x, Lix) or "Cannot build '…'. Reason: builder …" (newer Nix).
// - downloads come from the `Progress` results of `CopyPaths` activities (103, Nix's substitutions
//   counter), with the same `expected + failed` rule; bytes is the sum of what every `FileTransfer`
//   activity (101) received, which is what Nix's own progress bar calls "MiB DL".
// - Without those counters (an old or foreign log), builds and downloads are counted from the `Build`
//   (105) and `CopyPath` (100) activities' start and stop events instead.
// - active: the open Build activities. Nix 2.8 sometimes stops a Build activity only when the command ends
//   (top-level goals with --keep-going), so when the Builds counter says fewer are running than are open, only the
//   ones that showed a sign of life (start, log line, phase) most recently are listed.
import type { Progress, Realised } from '../../common/contract/index.ts';
import { ACT, LEVEL, RES } from './nix-log-types.ts';

/** One internal-json event, loosely typed (the parser checks only what it uses). */
export interface NixEvent {
  action: string;
  /** The activity ID as its decimal digits (IDs can exceed 2^53, so they are never numbers). */
  id: string | null;
  type: number;
  level: number;
  text: string;
  fields: unknown[];
  msg: string;
}

interface Counter {
  done: number;
  expected: number;
  running: number;
  failed: number;
}

interface BuildActivity {
  drvPath: string;
  name: string;
  phase: string | null;
  started: number;
  lastSeen: number;
  failed: boolean;
}

/** At most this many error messages are kept, each at most MAX_ERROR_CHARS long. */
export const MAX_ERRORS = 50;
/** At most this many built and fetched names are kept for the run's summary. */
export const MAX_REALISED = 1000;
const MAX_ERROR_CHARS = 4000;

// ESC [ … final byte, ESC ] … BEL/ST, and lone two-byte escapes.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** Removes terminal escape sequences (colours) from text. */
export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

/** `/nix/store/<hash>-hello-2.12.drv` → `hello-2.12`; anything else is returned without its directory. */
export function derivationName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const name = /^[0-9a-z]{32}-/.test(base) ? base.slice(33) : base;
  return name.endsWith('.drv') ? name.slice(0, -4) : name;
}

const BUILDER_FAILED = [/builder for '([^']+)' failed/, /Cannot build '([^']+)'\.\s*Reason: builder /];

/** The derivation a "builder failed" error names, or null when the message is about something else. */
export function failedDerivation(plainMessage: string): string | null {
  for (const re of BUILDER_FAILED) {
    const m = re.exec(plainMessage);
    if (m?.[1]) return m[1];
  }
  return null;
}

const zero = (): Counter => ({ done: 0, expected: 0, running: 0, failed: 0 });

function counterFrom(fields: unknown[]): Counter | null {
  const [done, expected, running, failed] = fields;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  if (!ok(done) || !ok(expected) || !ok(running) || !ok(failed)) return null;
  return { done, expected, running, failed };
}

/** The progress state of one log. */
export class ProgressTracker {
  /** Incremented whenever the Progress it would report may have changed. */
  version = 0;
  private seq = 0;
  private readonly types = new Map<string, number>();
  private readonly builds = new Map<string, BuildActivity>();
  private readonly buildsCounters = new Map<string, Counter>();
  private readonly copyCounters = new Map<string, Counter>();
  private readonly transfers = new Map<string, number>();
  private finishedBuilds = zero();
  private finishedCopies = zero();
  private finishedBytes = 0;
  private sawBuildsCounter = false;
  private sawCopyCounter = false;
  private buildStarts = 0;
  private buildStopsOk = 0;
  private copyStarts = 0;
  private copyStops = 0;
  private readonly failedDrvs = new Set<string>();
  private readonly errors: string[] = [];
  /** Copies from a substituter in flight: the path and where it comes from. */
  private readonly copies = new Map<string, { path: string; from: string }>();
  private readonly built: { drvPath: string; name: string }[] = [];
  private readonly fetched: { name: string; from: string }[] = [];
  private realisedTruncated = false;

  /** Takes one event. */
  add(e: NixEvent): void {
    this.seq++;
    if (e.action === 'msg') return this.message(e);
    if (e.id === null) return;
    if (e.action === 'start') return this.start(e, e.id);
    if (e.action === 'stop') return this.stop(e.id);
    if (e.action === 'result') return this.result(e, e.id);
  }

  /** The derivation name of a build activity, for prefixing its log lines; null for other activities. */
  buildName(id: string | null): string | null {
    return id === null ? null : (this.builds.get(id)?.name ?? null);
  }

  private message(e: NixEvent): void {
    if (e.level !== LEVEL.error) return;
    const plain = stripAnsi(e.msg).trim();
    const drv = failedDerivation(plain);
    if (drv !== null && !this.failedDrvs.has(drv)) {
      this.failedDrvs.add(drv);
      for (const b of this.builds.values()) if (b.drvPath === drv) b.failed = true;
    }
    if (this.errors.length < MAX_ERRORS) {
      const text = plain.replace(/^error:\s*/, '');
      this.errors.push(text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}…` : text);
    }
    this.version++;
  }

  private start(e: NixEvent, id: string): void {
    if (e.type === ACT.build) {
      const drvPath = typeof e.fields[0] === 'string' ? e.fields[0] : '';
      const name = derivationName(drvPath || /'([^']+)'/.exec(e.text)?.[1] || 'build');
      this.builds.set(id, { drvPath, name, phase: null, started: this.seq, lastSeen: this.seq, failed: this.failedDrvs.has(drvPath) });
      this.buildStarts++;
    } else if (e.type === ACT.copyPath) {
      this.copyStarts++;
      // Nix 2.x: fields [path, from, to]; the copy into the local store of a substituted path.
      if (typeof e.fields[0] === 'string' && typeof e.fields[1] === 'string') this.copies.set(id, { path: e.fields[0], from: e.fields[1] });
    } else if (e.type === ACT.fileTransfer) {
      this.transfers.set(id, 0);
    } else if (e.type !== ACT.builds && e.type !== ACT.copyPaths) {
      return;
    }
    this.types.set(id, e.type);
    this.version++;
  }

  private stop(id: string): void {
    const type = this.types.get(id);
    if (type === undefined) return;
    this.types.delete(id);
    if (type === ACT.build) {
      const b = this.builds.get(id);
      this.builds.delete(id);
      if (b && !b.failed) {
        this.buildStopsOk++;
        this.remember(this.built, { drvPath: b.drvPath, name: b.name }); // Nix may say it failed only after the stop
      }
    } else if (type === ACT.copyPath) {
      this.copyStops++;
      const c = this.copies.get(id);
      this.copies.delete(id);
      if (c) this.remember(this.fetched, { name: derivationName(c.path), from: c.from });
    } else if (type === ACT.fileTransfer) {
      this.finishedBytes += this.transfers.get(id) ?? 0;
      this.transfers.delete(id);
    } else if (type === ACT.builds) {
      const c = this.buildsCounters.get(id);
      if (c) this.finishedBuilds = add(this.finishedBuilds, { ...c, running: 0 });
      this.buildsCounters.delete(id);
    } else if (type === ACT.copyPaths) {
      const c = this.copyCounters.get(id);
      if (c) this.finishedCopies = add(this.finishedCopies, { ...c, running: 0 });
      this.copyCounters.delete(id);
    }
    this.version++;
  }

  private result(e: NixEvent, id: string): void {
    const type = this.types.get(id);
    if (type === ACT.build) {
      const b = this.builds.get(id);
      if (!b) return;
      b.lastSeen = this.seq;
      if (e.type === RES.setPhase && typeof e.fields[0] === 'string') {
        b.phase = e.fields[0];
        this.version++;
      }
      return;
    }
    if (e.type !== RES.progress) return;
    if (type === ACT.fileTransfer) {
      const done = e.fields[0];
      if (typeof done === 'number' && Number.isFinite(done) && done >= 0) {
        this.transfers.set(id, done);
        this.version++;
      }
      return;
    }
    const c = counterFrom(e.fields);
    if (!c) return;
    if (type === ACT.builds) {
      this.buildsCounters.set(id, c);
      this.sawBuildsCounter = true;
    } else if (type === ACT.copyPaths) {
      this.copyCounters.set(id, c);
      this.sawCopyCounter = true;
    } else {
      return;
    }
    this.version++;
  }

  private remember<T>(list: T[], item: T): void {
    if (list.length < MAX_REALISED) list.push(item);
    else this.realisedTruncated = true;
  }

  /** What the run built (derivation names) and fetched (path names and the cache), as Nix's log says; at most MAX_REALISED of each. */
  realised(): Realised {
    return { built: this.built.filter((b) => !this.failedDrvs.has(b.drvPath)).map((b) => b.name), fetched: this.fetched.map((f) => ({ ...f })), truncated: this.realisedTruncated };
  }

  /** The Progress now. */
  progress(): Progress {
    let builds: Progress['builds'];
    if (this.sawBuildsCounter) {
      const c = [...this.buildsCounters.values()].reduce(add, this.finishedBuilds);
      const failed = Math.max(c.failed, this.failedDrvs.size);
      builds = { done: c.done, expected: Math.max(c.expected + c.failed, c.done + failed + c.running), running: c.running, failed };
    } else {
      const failed = this.failedDrvs.size;
      const running = [...this.builds.values()].filter((b) => !b.failed).length;
      builds = { done: this.buildStopsOk, expected: Math.max(this.buildStarts, this.buildStopsOk + failed + running), running, failed };
    }
    let downloads: Progress['downloads'];
    const bytes = [...this.transfers.values()].reduce((a, b) => a + b, this.finishedBytes);
    if (this.sawCopyCounter) {
      const c = [...this.copyCounters.values()].reduce(add, this.finishedCopies);
      downloads = { done: c.done, expected: Math.max(c.expected + c.failed, c.done), bytes };
    } else {
      downloads = { done: this.copyStops, expected: Math.max(this.copyStarts, this.copyStops), bytes };
    }
    let open = [...this.builds.values()].filter((b) => !b.failed);
    if (this.sawBuildsCounter && open.length > builds.running) {
      open = open.sort((a, b) => b.lastSeen - a.lastSeen).slice(0, builds.running).sort((a, b) => a.started - b.started);
    }
    return { builds, downloads, errors: [...this.errors], active: open.map((b) => ({ name: b.name, phase: b.phase })) };
  }
}

function add(a: Counter, b: Counter): Counter {
  return { done: a.done + b.done, expected: a.expected + b.expected, running: a.running + b.running, failed: a.failed + b.failed };
}
