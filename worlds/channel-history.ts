// The nixpkgs channel over time: revisions with dates, labels, kernel versions and package versions.
import type { Catalog, Layer } from './catalog.ts';
import { releaseAt, type Release } from './releases.ts';
import { bumpVersion } from './version-bump.ts';
import { chance, drawInt, fakeRevision } from './world-hash.ts';

/** Where one package stands at one revision. */
export interface PackageState {
  /** Index into the package's version list. */
  step: number;
  /** Rebuilds at the same version (a patch, a changed build input). */
  build: number;
}

/** One nixpkgs revision the world's machine was built from. */
export interface ChannelRevision {
  index: number;
  /** The commit date. */
  date: Date;
  rev: string;
  shortRev: string;
  release: Release;
  /** config.system.nixos.label, e.g. 25.05.20260301.2bfba04. */
  label: string;
  kernelVersion: string;
  /** The home-manager revision that went with it (hm-version uses the first 8 characters). */
  homeManagerRev: string;
  /** True when this revision moved to a new release (most packages bump). */
  releaseUpgrade: boolean;
  packages: Map<string, PackageState>;
}

const bumpChance: Record<Layer, number> = { core: 0.002, lib: 0.012, module: 0.015, app: 0.12 };

function yyyymmdd(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

/** Every revision of the world's channel, and every version each package went through. */
export class ChannelHistory {
  readonly revisions: ChannelRevision[] = [];
  private readonly versions = new Map<string, string[]>();
  private readonly seed: string;
  private readonly catalog: Catalog;
  private readonly churn: number;

  /** `churn` scales how many packages change between revisions (long histories use less, to share paths). */
  constructor(seed: string, catalog: Catalog, churn = 1) {
    this.seed = seed;
    this.catalog = catalog;
    this.churn = churn;
  }

  /** The version string of `attr` at `state`. */
  versionOf(attr: string, state: PackageState): string {
    const list = this.versions.get(attr);
    const version = list?.[state.step];
    if (version === undefined) throw new Error(`channel: no version ${state.step} of ${attr}`);
    return version;
  }

  /** Adds the next revision, committed on `date`; packages and the kernel move on from the previous one. */
  advance(date: Date): ChannelRevision {
    const index = this.revisions.length;
    const previous = this.revisions[index - 1];
    const release = releaseAt(date);
    const releaseUpgrade = previous !== undefined && previous.release.version !== release.version;
    const rev = fakeRevision(this.seed, 'nixpkgs', index);
    const shortRev = rev.slice(0, 7);
    const packages = new Map<string, PackageState>();
    for (const def of this.catalog.packages.values()) {
      const before = previous?.packages.get(def.attr);
      if (!before) {
        this.versions.set(def.attr, [def.version]);
        packages.set(def.attr, { step: 0, build: 0 });
        continue;
      }
      const list = this.versions.get(def.attr) as string[];
      const p = releaseUpgrade ? 0.85 : bumpChance[def.layer] * this.churn;
      let { step, build } = before;
      if (def.envBase === null && chance(p, this.seed, 'bump', index, def.attr)) {
        const minor = releaseUpgrade ? chance(0.7, this.seed, 'minor', index, def.attr) : chance(0.12, this.seed, 'minor', index, def.attr);
        if (step === list.length - 1) list.push(bumpVersion(list[step] as string, minor));
        step += 1;
      } else if (!releaseUpgrade && chance(0.003 * this.churn, this.seed, 'rebuild', index, def.attr)) {
        build += 1;
      }
      packages.set(def.attr, { step, build });
    }
    return this.push({
      index,
      date,
      rev,
      shortRev,
      release,
      label: `${release.version}.${yyyymmdd(date)}.${shortRev}`,
      kernelVersion: this.nextKernel(previous, release, releaseUpgrade, index),
      homeManagerRev: fakeRevision(this.seed, 'home-manager', index),
      releaseUpgrade,
      packages,
    });
  }

  private push(revision: ChannelRevision): ChannelRevision {
    this.revisions.push(revision);
    return revision;
  }

  private nextKernel(previous: ChannelRevision | undefined, release: Release, upgrade: boolean, index: number): string {
    if (!previous || (upgrade && !previous.kernelVersion.startsWith(`${release.kernelSeries}.`))) {
      return `${release.kernelSeries}.${release.firstKernelPatch + drawInt(0, 6, this.seed, 'kernel-start', index)}`;
    }
    if (!chance(0.25, this.seed, 'kernel-bump', index)) return previous.kernelVersion;
    const [major, minor, patch] = previous.kernelVersion.split('.').map(Number) as [number, number, number];
    return `${major}.${minor}.${patch + drawInt(1, 3, this.seed, 'kernel-step', index)}`;
  }
}
