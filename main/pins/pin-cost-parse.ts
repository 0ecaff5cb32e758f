// Reading what Nix says a realisation would do (issue 16): the "will be built" / "will be fetched"
// sections `nix-store --realise --dry-run` and `nix build --dry-run` print on standard error, the JSON
// `nix build --dry-run --json` prints, Nix's version, and which derivations are toolchain-sized. Pure.

/** What a dry run says, as Nix printed it. */
export interface DryRunReport {
  /** Derivations Nix would build, in Nix's order. */
  toBuild: string[];
  /** Store paths Nix would fetch from a substituter. */
  toFetch: string[];
  /** Paths Nix can neither build nor fetch ("don't know how to build these paths"). */
  unknown: string[];
  /** Nix's own rounded figures from the "will be fetched (X MiB download, Y MiB unpacked)" line, in bytes; null without that line. */
  nixDownloadBytes: number | null;
  nixUnpackedBytes: number | null;
}

const UNITS: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };
const SIZE = String.raw`([0-9]+(?:\.[0-9]+)?) (B|KiB|MiB|GiB|TiB)`;
// Nix 2.8: "these 4 derivations will be built:", "this derivation will be built:"; older: "these derivations will be built:".
const BUILD_HEAD = /^(?:this derivation|these (?:[0-9]+ )?derivations) will be built:$/;
const FETCH_HEAD = new RegExp(String.raw`^(?:this path|these (?:[0-9]+ )?paths) will be fetched(?: \(${SIZE} download, ${SIZE} unpacked\))?:$`);
const UNKNOWN_HEAD = /^don't know how to build these paths(?: \(may be caused by read-only store access\))?:$/;
const ITEM = /^\s+(\/\S+)$/;

/** Parses the standard error of `nix-store --realise --dry-run` or `nix build --dry-run`; other lines (warnings) are skipped. */
export function parseDryRun(stderr: string): DryRunReport {
  const out: DryRunReport = { toBuild: [], toFetch: [], unknown: [], nixDownloadBytes: null, nixUnpackedBytes: null };
  let into: string[] | null = null;
  for (const raw of stderr.split('\n')) {
    const line = raw.trimEnd();
    const item = ITEM.exec(line);
    if (item && into) {
      into.push(item[1] as string);
      continue;
    }
    into = null;
    const text = line.trim();
    if (BUILD_HEAD.test(text)) into = out.toBuild;
    else if (UNKNOWN_HEAD.test(text)) into = out.unknown;
    else {
      const fetch = FETCH_HEAD.exec(text);
      if (fetch) {
        into = out.toFetch;
        if (fetch[1] !== undefined) {
          out.nixDownloadBytes = Number(fetch[1]) * (UNITS[fetch[2] as string] as number);
          out.nixUnpackedBytes = Number(fetch[3]) * (UNITS[fetch[4] as string] as number);
        }
      }
    }
  }
  return out;
}

/** One entry of `nix build --json`: the derivation and its outputs. */
export interface BuiltPathJson {
  drvPath: string;
  outputs: Record<string, string>;
}

/** Parses what `nix build --dry-run --json` prints on standard output; throws with the text when it is not that. */
export function parseBuildJson(stdout: string): BuiltPathJson[] {
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    throw new Error(`nix build --dry-run --json printed something that is not JSON: ${stdout.slice(0, 200)}`);
  }
  if (!Array.isArray(value)) throw new Error(`nix build --dry-run --json printed ${stdout.slice(0, 200)}, not a list`);
  return value.map((v: unknown) => {
    const o = v as { drvPath?: unknown; outputs?: unknown };
    if (typeof o?.drvPath !== 'string' || typeof o.outputs !== 'object' || o.outputs === null) throw new Error(`nix build --dry-run --json printed an entry without drvPath and outputs: ${JSON.stringify(v).slice(0, 200)}`);
    const outputs: Record<string, string> = {};
    for (const [k, p] of Object.entries(o.outputs)) if (typeof p === 'string') outputs[k] = p;
    return { drvPath: o.drvPath, outputs };
  });
}

/** `[major, minor, patch]` from `nix --version` ("nix (Nix) 2.8.0"); null when it does not say. */
export function parseNixVersion(text: string): [number, number, number] | null {
  const m = /\b([0-9]+)\.([0-9]+)(?:\.([0-9]+))?/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null;
}

/** True when `v` is at least `major.minor`. */
export function versionAtLeast(v: readonly [number, number, number], major: number, minor: number): boolean {
  return v[0] > major || (v[0] === major && v[1] >= minor);
}

/** The name and version of a store path or derivation (`/nix/store/<hash>-gcc-13.2.0.drv` → gcc, 13.2.0), split as Nix's DrvName does. */
export function storeName(path: string): { full: string; name: string; version: string } {
  const base = path.replace(/^.*\//, '').replace(/\.drv$/, '');
  const full = base.replace(/^[0-9a-z]{32}-/, '');
  const at = full.search(/-[0-9]/);
  return at < 0 ? { full, name: full, version: '' } : { full, name: full.slice(0, at), version: full.slice(at + 1) };
}

// Compilers and toolchains, by derivation name: building one of these is what turns a pin into hours.
const BIG = new Set([
  'gcc', 'gcc-unwrapped', 'xgcc', 'gfortran', 'gnat', 'clang', 'clang-unwrapped', 'llvm', 'lld', 'compiler-rt', 'libcxx',
  'rustc', 'rustc-unwrapped', 'cargo', 'ghc', 'go', 'openjdk', 'zulu', 'temurin-bin', 'graalvm-ce', 'zig', 'nodejs', 'nodejs-slim',
  'binutils', 'binutils-unwrapped', 'glibc', 'musl', 'python3', 'python', 'perl', 'ocaml', 'swift', 'dotnet-sdk', 'julia', 'emscripten',
  'webkitgtk', 'qtwebengine', 'chromium', 'firefox-unwrapped', 'electron', 'linux',
]);

/** True when a derivation of this name is a compiler or toolchain (or something as big to build). */
export function isBigBuild(name: string): boolean {
  return BIG.has(name) || /^(?:gcc|clang|llvm|ghc|rustc|go|openjdk|python3)[0-9]+$/.test(name) || /^stage[0-9]-/.test(name) || name.startsWith('bootstrap-');
}
