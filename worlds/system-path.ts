// The system-path buildEnv (environment.systemPackages) and the nixos-version tool it carries.
import type { PackageSet } from './package-set.ts';
import { link, script, tree, type Entry } from './store-content.ts';
import type { StoreNode } from './store-graph.ts';
import { KiB } from './byte-sizes.ts';
import { nixosVersionScript } from './system-scripts.ts';
import type { WorldContext } from './world-context.ts';

/** Builds system-path for `packages`, with sw/bin/nixos-version answering for `configurationRevision`. */
export function buildSystemPath(ctx: WorldContext, pkgs: PackageSet, packages: string[], configurationRevision: string, tag: string): StoreNode {
  const { revision } = pkgs;
  const nixosVersion = ctx.graph.add({
    name: 'nixos-version',
    variant: `${revision.label}|${configurationRevision}`,
    narSize: 2.1 * KiB,
    references: [pkgs.get('bash').base],
    content: () => tree({ 'bin/nixos-version': script(nixosVersionScript(revision.label, revision.rev, configurationRevision)) }),
  });
  const references: StoreNode[] = [nixosVersion];
  const binLinks: Record<string, Entry> = { 'bin/nixos-version': link(`${nixosVersion.path}/bin/nixos-version`) };
  for (const pkg of packages.filter((attr) => pkgs.has(attr)).map((attr) => pkgs.get(attr))) {
    for (const [output, node] of pkg.outputs) if (ctx.preset.installOutputs(output, pkg.def.outputs)) references.push(node);
    if (pkg.program) binLinks[`bin/${pkg.program.name}`] = link(pkg.program.path);
  }
  return ctx.graph.add({
    name: 'system-path',
    variant: `system-path|${tag}`,
    narSize: 70 * KiB + references.length * 310,
    references,
    content: () => tree(binLinks),
  });
}
