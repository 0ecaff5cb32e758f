// The store paths of nixpkgs packages at one channel revision (input-addressed: a changed
// dependency gives a new hash at the same version).
import type { ChannelHistory, ChannelRevision, PackageState } from './channel-history.ts';
import type { Catalog, PackageDef } from './catalog.ts';
import { file, link, script, tree, type Entry } from './store-content.ts';
import type { StoreGraph, StoreNode } from './store-graph.ts';
import { chance, unitDraw } from './world-hash.ts';

/** One package's outputs at one revision. */
export interface BuiltPackage {
  def: PackageDef;
  version: string;
  /** Output name → store path. */
  outputs: Map<string, StoreNode>;
  /** The output dependents refer to (`lib` when there is one, else `out`). */
  base: StoreNode;
  /** The program a profile links into bin/, or null for a library. */
  program: { name: string; path: string } | null;
  state: PackageState;
  deps: BuiltPackage[];
}

const docOutputs = new Set(['man', 'doc', 'devdoc', 'info']);
const sizeShare: Record<string, number> = { bin: 0.3, dev: 0.08, man: 0.03, doc: 0.15, devdoc: 0.1, info: 0.04, lib: 1 };
const programNames: Record<string, string> = {
  ripgrep: 'rg', neovim: 'nvim', 'bash-interactive': 'bash', coreutils: 'ls', gnugrep: 'grep', gnused: 'sed',
  findutils: 'find', gnutar: 'tar', 'util-linux': 'mount', iproute2: 'ip', openssh: 'ssh', 'man-db': 'man',
  python3: 'python3', perl: 'perl', 'python3-env': 'python3', 'perl-env': 'perl', R: 'R', 'R-wrapper': 'R', p7zip: '7zz', 'yq-go': 'yq', 'nix-output-monitor': 'nom',
  'zed-editor': 'zeditor', delta: 'delta', 'google-cloud-sdk': 'gcloud', awscli2: 'aws', 'wineWow64Packages.stable': 'wine',
};

/** The output dependents refer to. */
function baseOutput(outputs: readonly string[]): string {
  if (outputs.includes('lib')) return 'lib';
  return outputs.includes('out') ? 'out' : (outputs[0] ?? 'out');
}

function outputSize(def: PackageDef, output: string, base: string, version: string): number {
  const jitter = 0.94 + 0.12 * unitDraw('size', def.attr, version);
  const share = output === base ? 1 : output === 'out' ? 0.12 : (sizeShare[output] ?? 0.05);
  return def.sizeKiB * 1024 * share * jitter;
}

// Package outputs hold as little as possible (every directory, non-empty file and long symlink costs a
// disk block, and a large world has tens of thousands of paths): programs get an empty bin/<name>,
// everything else one empty placeholder file.
function outputContent(output: string, program: string | null): Entry {
  if (program && (output === 'bin' || output === 'out')) return tree({ [`bin/${program}`]: script('') });
  return tree({ 'gentry-world-placeholder': file('') });
}

/** Builds (once per revision) the store paths of any package the world asks for. */
export class PackageSet {
  readonly revision: ChannelRevision;
  private readonly graph: StoreGraph;
  private readonly catalog: Catalog;
  private readonly history: ChannelHistory;
  private readonly built = new Map<string, BuiltPackage>();
  private readonly previous: PackageSet | null;

  /** `previous` is the set of the revision before, whose unchanged packages are reused as they are. */
  constructor(graph: StoreGraph, catalog: Catalog, history: ChannelHistory, revision: ChannelRevision, previous: PackageSet | null) {
    this.graph = graph;
    this.catalog = catalog;
    this.history = history;
    this.revision = revision;
    this.previous = previous;
  }

  /** True when the preset's catalog holds `attr`. */
  has(attr: string): boolean {
    return this.catalog.packages.has(attr);
  }

  /** The package `attr` at this revision. */
  get(attr: string): BuiltPackage {
    const known = this.built.get(attr);
    if (known) return known;
    const def = this.catalog.packages.get(attr);
    const state = this.revision.packages.get(attr);
    if (!def || !state) throw new Error(`package set: ${attr} is not in this preset`);
    const deps = def.deps.map((dep) => this.get(dep));
    const before = this.previous?.built.get(attr);
    if (before && before.state.step === state.step && before.state.build === state.build && before.deps.every((dep, i) => dep === deps[i])) {
      this.built.set(attr, before);
      return before;
    }
    const version = def.envBase ? this.get(def.envBase).version : this.history.versionOf(attr, state);
    const built = def.envBase ? this.buildEnv(def, version, state, deps) : this.buildOutputs(def, version, state, deps);
    this.built.set(attr, built);
    return built;
  }

  private buildOutputs(def: PackageDef, version: string, state: PackageState, deps: BuiltPackage[]): BuiltPackage {
    const base = baseOutput(def.outputs);
    const isProgram = def.layer === 'app' || def.outputs.includes('bin') || def.attr in programNames;
    const program = isProgram ? (programNames[def.attr] ?? def.pname.replace(/^python3\.12-/, '')) : null;
    const outputs = new Map<string, StoreNode>();
    const nameOf = (output: string): string => `${def.pname}-${version}${output === 'out' ? '' : `-${output}`}`;
    const make = (output: string, references: StoreNode[]): StoreNode =>
      this.graph.add({
        name: nameOf(output),
        variant: `pkg|${def.attr}|${output}|${state.build}`,
        narSize: outputSize(def, output, base, version),
        references,
        selfReference: output === base && chance(0.6, 'self-ref', def.attr),
        content: () => outputContent(output, program),
      });
    const baseNode = make(base, deps.map((dep) => dep.base));
    outputs.set(base, baseNode);
    for (const output of def.outputs) {
      if (output === base) continue;
      outputs.set(output, make(output, docOutputs.has(output) ? [] : [baseNode]));
    }
    const programOutput = outputs.get('bin') ?? outputs.get('out') ?? baseNode;
    return {
      def,
      version,
      outputs,
      base: baseNode,
      program: program ? { name: program, path: `${programOutput.path}/bin/${program}` } : null,
      state,
      deps,
    };
  }

  private buildEnv(def: PackageDef, version: string, state: PackageState, deps: BuiltPackage[]): BuiltPackage {
    const interpreter = deps[0] as BuiltPackage;
    const program = programNames[def.attr] ?? def.pname;
    const node = this.graph.add({
      name: `${def.pname}-${version}-${def.envSuffix}`,
      variant: `env|${def.attr}`,
      narSize: def.sizeKiB * 1024 + deps.length * 180,
      references: deps.map((dep) => dep.base),
      content: () =>
        tree({
          [`bin/${program}`]: link(interpreter.program?.path ?? `${interpreter.base.path}/bin/${program}`),
          'nix-support/propagated-build-inputs': file(deps.map((dep) => dep.base.path).join(' ') + '\n'),
        }),
    });
    const outputs = new Map([['out', node]]);
    return { def, version, outputs, base: node, program: { name: program, path: `${node.path}/bin/${program}` }, state, deps };
  }
}
