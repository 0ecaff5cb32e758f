// The per-user profile (~/.local/state/nix/profiles/profile): two nix-env generations, then `nix profile`
// with manifest.json version 2 and version 3.
import { join } from 'node:path';
import type { ChannelRevision } from './channel-history.ts';
import { emptyFacts, type GenerationRecord, type ProfileRecord } from './generation-record.ts';
import { nixValueText, type NixValue } from './nix-value-text.ts';
import type { BuiltPackage } from './package-set.ts';
import { file, link, tree, type Entry } from './store-content.ts';
import type { StoreNode } from './store-graph.ts';
import { ChannelTimeline } from './timeline.ts';
import type { WorldContext } from './world-context.ts';

type Format = 'nix-env' | 'manifest-v2' | 'manifest-v3';

const plan: { share: number; format: Format; attrs: string[] }[] = [
  { share: 0.12, format: 'nix-env', attrs: ['hello', 'ripgrep'] },
  { share: 0.35, format: 'nix-env', attrs: ['hello', 'ripgrep', 'jq'] },
  { share: 0.6, format: 'manifest-v2', attrs: ['ripgrep', 'jq', 'fd'] },
  { share: 0.85, format: 'manifest-v3', attrs: ['ripgrep', 'jq', 'fd', 'hello'] },
];

function outputsToInstall(pkg: BuiltPackage): string[] {
  const main = pkg.outputs.has('bin') ? 'bin' : 'out';
  return pkg.outputs.has('man') ? [main, 'man'] : [main];
}

function nodesOf(pkg: BuiltPackage): StoreNode[] {
  return outputsToInstall(pkg).map((output) => pkg.outputs.get(output) as StoreNode);
}

function manifestNixEntry(pkg: BuiltPackage): NixValue {
  const outputs = outputsToInstall(pkg);
  const entry: { [name: string]: NixValue } = {
    meta: {
      available: true,
      description: `${pkg.def.pname} from the Gentry world's nixpkgs`,
      homepage: `https://example.org/${pkg.def.pname}`,
      name: `${pkg.def.pname}-${pkg.version}`,
      outputsToInstall: outputs,
    },
    name: `${pkg.def.pname}-${pkg.version}`,
    outPath: (pkg.outputs.get(outputs[0] as string) as StoreNode).path,
    outputs,
    system: 'x86_64-linux',
    type: 'derivation',
  };
  for (const output of outputs) entry[output] = { outPath: (pkg.outputs.get(output) as StoreNode).path };
  return entry;
}

function manifestJsonElement(pkg: BuiltPackage, revision: ChannelRevision) {
  return {
    active: true,
    attrPath: `legacyPackages.x86_64-linux.${pkg.def.attr}`,
    originalUrl: 'flake:nixpkgs',
    outputs: null,
    priority: 5,
    storePaths: nodesOf(pkg).map((node) => node.path),
    url: `github:NixOS/nixpkgs/${revision.rev}`,
  };
}

function binLinks(packages: BuiltPackage[]): Record<string, Entry> {
  const links: Record<string, Entry> = {};
  for (const pkg of packages) if (pkg.program) links[`bin/${pkg.program.name}`] = link(pkg.program.path);
  return links;
}

function buildNixEnvGeneration(ctx: WorldContext, packages: BuiltPackage[]): StoreNode {
  const outputs = packages.flatMap(nodesOf);
  const manifest = ctx.graph.add({
    name: 'env-manifest.nix',
    variant: 'user',
    narSize: 1200 + packages.length * 700,
    references: outputs,
    content: () => file(nixValueText(packages.map(manifestNixEntry))),
  });
  return ctx.graph.add({
    name: 'user-environment',
    variant: 'user',
    narSize: 9 * 1024 + packages.length * 600,
    references: [manifest, ...outputs],
    content: () => tree({ ...binLinks(packages), 'manifest.nix': link(manifest.path) }),
  });
}

function buildNixProfileGeneration(ctx: WorldContext, packages: BuiltPackage[], revision: ChannelRevision, version: 2 | 3): StoreNode {
  const elements = packages.map((pkg) => manifestJsonElement(pkg, revision));
  const manifest =
    version === 2
      ? { elements, version: 2 }
      : { elements: Object.fromEntries(packages.map((pkg, i) => [pkg.def.attr, elements[i]])), version: 3 };
  return ctx.graph.add({
    name: 'profile',
    variant: `user|v${version}`,
    narSize: 11 * 1024 + packages.length * 650,
    references: packages.flatMap(nodesOf),
    content: () => tree({ ...binLinks(packages), 'manifest.json': file(JSON.stringify(manifest)) }),
  });
}

/** Builds the four generations of the per-user profile. */
export function buildUserProfile(ctx: WorldContext, timeline: ChannelTimeline, dates: Date[], profilesDir: string): ProfileRecord {
  const generations: GenerationRecord[] = plan.map(({ share, format, attrs }, i) => {
    const date = ChannelTimeline.between(dates, share);
    const revision = timeline.revisionAt(date);
    const pkgs = ctx.packageSet(revision);
    const packages = attrs.map((attr) => pkgs.get(attr));
    const node =
      format === 'nix-env'
        ? buildNixEnvGeneration(ctx, packages)
        : buildNixProfileGeneration(ctx, packages, revision, format === 'manifest-v2' ? 2 : 3);
    return {
      number: i + 1,
      date,
      target: node.path,
      root: node,
      facts: { ...emptyFacts(), packages: packages.map((pkg) => pkg.def.pname).sort() },
      system: null,
    };
  });
  return { kind: 'user', name: 'profile', path: join(profilesDir, 'profile'), generations, current: generations.length };
}
