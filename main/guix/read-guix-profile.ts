// Reads one Guix profile — system, home or user — and every generation of it. A file that is missing or
// malformed becomes a `problem` on that generation; every generation is listed; nothing here throws.
import { access } from 'node:fs/promises';
import { bootParametersFromSexp, type GuixBootParameters } from './boot-parameters.ts';
import { parseGuixText, readGuixFile, readGuixText } from './guix-file.ts';
import { canonicalFileName, generationTimes, guixGenerationFile, readGuixLinks } from './guix-links.ts';
import type { GuixProfileKind } from './guix-locations.ts';
import { type GuixManifest, manifestFromSexp } from './manifest.ts';
import { fastManifest } from './manifest-fast.ts';
import { type GuixProvenance, provenanceFromSexp } from './provenance.ts';
import type { Sexp } from './sexp.ts';

/** One generation of a Guix profile as read. */
export interface GuixGeneration {
  number: number;
  current: boolean;
  /** `PROFILE-N-link`. */
  fileName: string;
  /** The link followed as Guix prints it (relative targets joined as text), or null when unreadable. */
  canonicalFileName: string | null;
  /** The date Guix prints: the ctime of the link's target. */
  date: Date | null;
  /** The link's own mtime, which Guix's boot menu labels use. */
  linkMtime: Date | null;
  /** The manifest of the generation's profile (a user generation is the profile), or null when unreadable. */
  manifest: GuixManifest | null;
  /** System and home: the channels and configuration file; null where the generation records none. */
  provenance?: GuixProvenance | null;
  /** System: what it boots; null when unreadable. */
  boot?: GuixBootParameters | null;
  problems: string[];
}

/** One Guix profile as read. */
export interface GuixProfileReading {
  kind: GuixProfileKind;
  path: string;
  /** Ascending generation numbers (holes are normal). */
  numbers: number[];
  current: number | null;
  generations: GuixGeneration[];
  /** Set when the profile itself cannot be read. */
  problem?: string;
}

/** A manifest: the plain version-4 form scanned fast (manifest-fast.ts), anything else through the strict reader. */
async function readManifest(file: string, problems: string[]): Promise<GuixManifest | null> {
  const r = await readGuixText(file);
  if (!r.ok) {
    problems.push(r.problem);
    return null;
  }
  const fast = fastManifest(r.text);
  if (fast !== null) return fast;
  const parsed = parseGuixText(file, r.text);
  if (!parsed.ok) {
    problems.push(parsed.problem);
    return null;
  }
  try {
    return manifestFromSexp(parsed.datum);
  } catch (err) {
    problems.push(`${file}: ${(err as Error).message}`);
    return null;
  }
}

/** Reading options: `arch` picks the kernel image name Guix appends to an old-style kernel directory. */
export interface ReadGuixOptions {
  arch?: string;
  /** Generations read at once (default 8: the reads are mostly parsing, and fewer trees alive means less garbage collection). */
  concurrency?: number;
}

async function readPart<T>(file: string, parse: (x: Sexp) => T, problems: string[], missingIsProblem: boolean): Promise<T | null> {
  const r = await readGuixFile(file);
  if (!r.ok) {
    if (!r.missing || missingIsProblem) problems.push(r.problem);
    return null;
  }
  try {
    return parse(r.datum);
  } catch (err) {
    problems.push(`${file}: ${(err as Error).message}`);
    return null;
  }
}

async function readGeneration(kind: GuixProfileKind, profile: string, n: number, current: number | null, opts: ReadGuixOptions): Promise<GuixGeneration> {
  const fileName = guixGenerationFile(profile, n);
  const problems: string[] = [];
  let canonical: string | null = null;
  try {
    canonical = await canonicalFileName(fileName);
  } catch (err) {
    problems.push(`${fileName} cannot be followed (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const { ctime, linkMtime } = await generationTimes(fileName);
  if (ctime === null && canonical !== null) problems.push(`${fileName} points at ${canonical}, which does not exist (a deleted or not yet built store item)`);
  const manifestFile = kind === 'guix-user' ? `${fileName}/manifest` : `${fileName}/profile/manifest`;
  const gen: GuixGeneration = { number: n, current: n === current, fileName, canonicalFileName: canonical, date: ctime, linkMtime, manifest: null, problems };
  if (ctime === null) {
    if (kind !== 'guix-user') gen.provenance = null;
    if (kind === 'guix-system') gen.boot = null;
    return gen;
  }
  // Each part collects its own problems, joined in a fixed order (manifest, provenance, parameters) whichever read ends first.
  const mp: string[] = [];
  const pp: string[] = [];
  const bp: string[] = [];
  const [manifest, provenance, boot] = await Promise.all([
    readManifest(manifestFile, mp),
    kind === 'guix-user' ? undefined : readPart(`${fileName}/provenance`, provenanceFromSexp, pp, false),
    kind === 'guix-system' ? readPart(`${fileName}/parameters`, (x) => bootParametersFromSexp(x, fileName, opts.arch), bp, true) : undefined,
  ]);
  problems.push(...mp, ...pp, ...bp);
  gen.manifest = manifest;
  if (kind !== 'guix-user') gen.provenance = provenance ?? null;
  if (kind === 'guix-system') gen.boot = boot ?? null;
  return gen;
}

/** Lists the profile link `path` of `kind`: its generation numbers, current one, and every generation's files. */
export async function readGuixProfile(kind: GuixProfileKind, path: string, opts: ReadGuixOptions = {}): Promise<GuixProfileReading> {
  const links = await readGuixLinks(path);
  const reading: GuixProfileReading = { kind, path, numbers: links.numbers, current: links.current, generations: [] };
  if (links.problem !== undefined) reading.problem = links.problem;
  else if (links.numbers.length === 0) {
    try {
      await access(path);
    } catch {
      reading.problem = `${path} does not exist and has no generations beside it`;
    }
  }
  const limit = Math.max(1, opts.concurrency ?? 8);
  const out: GuixGeneration[] = new Array(links.numbers.length);
  let next = 0;
  const worker = async () => {
    while (next < links.numbers.length) {
      const i = next++;
      out[i] = await readGeneration(kind, path, links.numbers[i]!, links.current, opts);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, links.numbers.length) }, worker));
  reading.generations = out;
  return reading;
}

/** Reads generation `n` of the profile link `path` alone, or null when the profile has no such generation. */
export async function readGuixGeneration(kind: GuixProfileKind, path: string, n: number, opts: ReadGuixOptions = {}): Promise<GuixGeneration | null> {
  const links = await readGuixLinks(path);
  if (!links.numbers.includes(n)) return null;
  return readGeneration(kind, path, n, links.current, opts);
}
