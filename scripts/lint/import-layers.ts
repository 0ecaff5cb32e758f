// The one direction of imports (docs/architecture.md, "The parts"): doors → the composition root →
// feature folders → nix/ and infra/ → common/. Each layer names what it may import; test files are not checked.
import { importGraph } from './import-cycles.ts';

type Layer = 'common' | 'infra' | 'nix' | 'worlds' | 'feature' | 'root' | 'door';

const FEATURES = ['generations', 'demo', 'diff', 'boot', 'labels', 'pins', 'runs', 'settings', 'helper', 'progress', 'terminal', 'path'];
const ROOT = ['main/services.ts', 'main/service-deps.ts', 'main/dispatch.ts', 'main/in-process-door.ts'];

/** The layer of a file, or null for one that belongs to none (a new folder or top-level file of main/ must be given one). */
export function layerOf(path: string): Layer | null {
  if (path.startsWith('common/')) return 'common';
  if (path.startsWith('worlds/')) return 'worlds';
  if (path.startsWith('main/infra/') || path === 'main/app-root.ts') return 'infra';
  if (path.startsWith('main/nix/') || path.startsWith('main/guix/')) return 'nix';
  if (FEATURES.some((f) => path.startsWith(`main/${f}/`))) return 'feature';
  if (ROOT.includes(path)) return 'root';
  if (/^main\/(app|server|cli)\//.test(path)) return 'door';
  return null;
}

/** What each layer may import besides itself (a door: only its own folder among the doors). */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  common: [],
  infra: ['common'],
  nix: ['common', 'infra'],
  worlds: ['common'],
  feature: ['common', 'infra', 'nix', 'worlds'],
  root: ['common', 'infra', 'nix', 'feature'],
  door: ['common', 'infra', 'nix', 'feature', 'root'],
};

/** Imports across layers that are meant: the window takes its option list from the CLI's, and `gentry serve` starts the web door. */
const EXCEPTIONS = new Set(['main/app/index.ts → main/cli/args.ts', 'main/cli/launch.ts → main/server/web-door.ts']);

const isTest = (p: string) => /\.(test|integration\.test)\.tsx?$/.test(p);
const doorOf = (p: string) => p.split('/')[1];

/** Every import under root that goes against the direction above, as "from → to: why". */
export function layerViolations(root: string): string[] {
  const out: string[] = [];
  for (const [from, deps] of importGraph(root, ['common', 'main', 'worlds'])) {
    if (isTest(from)) continue;
    const mine = layerOf(from);
    if (mine === null) {
      out.push(`${from}: in no layer (give its folder one in scripts/lint/import-layers.ts)`);
      continue;
    }
    for (const to of deps) {
      const theirs = layerOf(to);
      if (theirs === null || EXCEPTIONS.has(`${from} → ${to}`)) continue;
      const sameDoor = mine === 'door' && theirs === 'door' && doorOf(from) === doorOf(to);
      const allowed = theirs === mine ? mine !== 'door' || sameDoor : MAY_IMPORT[mine].includes(theirs);
      if (!allowed) out.push(`${from} → ${to}: ${mine === theirs ? 'one door imports another' : `${mine} may not import ${theirs}`}`);
    }
  }
  return out.sort();
}
