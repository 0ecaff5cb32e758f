// The home-manager profile at the XDG location: one home-manager-generation store path per generation.
import { join } from 'node:path';
import { emptyFacts, type GenerationRecord, type ProfileRecord } from './generation-record.ts';
import type { BuiltPackage } from './package-set.ts';
import { link, file, script, tree, type Entry } from './store-content.ts';
import type { StoreNode } from './store-graph.ts';
import { KiB } from './byte-sizes.ts';
import { activateScript } from './system-scripts.ts';
import { ChannelTimeline } from './timeline.ts';
import { chance, unitDraw } from './world-hash.ts';
import type { WorldContext } from './world-context.ts';

/** The home-manager version string a revision's home-manager reports (release+8 hex). */
export function homeManagerVersion(release: string, homeManagerRev: string): string {
  return `${release}+${homeManagerRev.slice(0, 8)}`;
}

function installedOutputs(pkg: BuiltPackage): StoreNode[] {
  const main = pkg.outputs.get('bin') ?? pkg.outputs.get('out') ?? pkg.base;
  const man = pkg.outputs.get('man');
  return man ? [main, man] : [main];
}

interface HomeGenerationInput {
  index: number;
  packages: BuiltPackage[];
  version: string | null;
  bash: StoreNode;
  coreutils: StoreNode;
}

function buildGeneration(ctx: WorldContext, input: HomeGenerationInput): StoreNode {
  const { index, packages, version } = input;
  const sessionVars = ctx.graph.add({
    name: 'hm-session-vars.sh',
    variant: `home|${index % 3}`,
    narSize: 1.1 * KiB,
    references: [],
    content: () => tree({ 'etc/profile.d/hm-session-vars.sh': file('export EDITOR="nvim"\n') }),
  });
  const binLinks: Record<string, Entry> = {};
  for (const pkg of packages) if (pkg.program) binLinks[`bin/${pkg.program.name}`] = link(pkg.program.path);
  const homePath = ctx.graph.add({
    name: 'home-manager-path',
    variant: 'home-path',
    narSize: 40 * KiB + packages.length * 900,
    references: [sessionVars, ...packages.flatMap(installedOutputs)],
    content: () => tree({ ...binLinks, 'etc/profile.d/hm-session-vars.sh': link(`${sessionVars.path}/etc/profile.d/hm-session-vars.sh`) }),
  });
  const homeFiles = ctx.graph.add({
    name: 'home-manager-files',
    variant: `home-files|${index}`,
    narSize: 18 * KiB,
    references: [],
    content: () => tree({ '.bashrc': file(`# home-manager generation ${index}\n`), '.config/git/config': file('[user]\n\tname = Alice\n') }),
  });
  return ctx.graph.add({
    name: 'home-manager-generation',
    variant: `home|${index}|${version ?? 'old'}`,
    narSize: 22 * KiB,
    references: [homeFiles, homePath, input.bash, input.coreutils],
    selfReference: true,
    content: (path) => {
      const entries: Record<string, Entry> = {
        activate: script(activateScript()),
        'bin/home-manager-generation': link(`${path}/activate`),
        'extra-dependencies': file(''),
        'home-files': link(homeFiles.path),
        'home-path': link(homePath.path),
      };
      if (version !== null) {
        entries['hm-version'] = file(`${version}\n`);
        entries['gen-version'] = file('1\n');
      }
      return tree(entries);
    },
  });
}

/** Builds the home-manager profile: `count` generations over the world's time span (plus an old one with quirks). */
export function buildHomeProfile(ctx: WorldContext, timeline: ChannelTimeline, dates: Date[], count: number, quirks: boolean, profilesDir: string): ProfileRecord {
  const candidates = [...ctx.catalog.packages.values()].filter((def) => def.home).map((def) => def.attr);
  const chosen = new Set(candidates.filter((attr) => chance(0.7, ctx.seed, 'home-start', attr)));
  const generations: GenerationRecord[] = [];
  const shares = Array.from({ length: count }, (_, j) => (count === 1 ? 0.98 : 0.06 + (0.92 * j) / (count - 1)));
  if (quirks) shares.unshift(0.02);
  shares.forEach((share, j) => {
    const old = quirks && j === 0;
    if (j > 0 && chance(0.5, ctx.seed, 'home-toggle?', j)) {
      const attr = candidates[Math.floor(unitDraw(ctx.seed, 'home-toggle', j) * candidates.length)];
      if (attr && !chosen.delete(attr)) chosen.add(attr);
    }
    const date = ChannelTimeline.between(dates, share);
    const revision = timeline.revisionAt(date);
    const pkgs = ctx.packageSet(revision);
    const version = old ? null : homeManagerVersion(revision.release.version, revision.homeManagerRev);
    const node = buildGeneration(ctx, {
      index: j,
      packages: [...chosen].sort().map((attr) => pkgs.get(attr)),
      version,
      bash: pkgs.get('bash').base,
      coreutils: pkgs.get('coreutils').base,
    });
    generations.push({
      number: j + 1,
      date,
      target: node.path,
      root: node,
      facts: {
        ...emptyFacts(),
        homeManagerVersion: version,
        problem: old ? 'made by an old home-manager: no hm-version or gen-version' : null,
      },
      system: null,
    });
  });
  return {
    kind: 'home',
    name: 'home-manager',
    path: join(profilesDir, 'home-manager'),
    generations,
    current: generations.length,
  };
}
