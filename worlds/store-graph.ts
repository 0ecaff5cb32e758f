// The world's store graph: every path it will register, with sizes and references.
import type { Entry } from './store-content.ts';
import { hexDigest, storeHash } from './world-hash.ts';

/** The directory every world lives in (the machine's real store). */
const storeDir = '/nix/store';

/** One store path of the world. */
export interface StoreNode {
  path: string;
  hashPart: string;
  name: string;
  narSize: number;
  /** Other paths this one refers to (never itself). */
  references: StoreNode[];
  selfReference: boolean;
  content: Entry;
}

/** What it takes to make a store path; identical specs give the same path. */
export interface NodeSpec {
  name: string;
  /** Distinguishes builds of the same name (a config variant, a rebuild); references are mixed in too. */
  variant: string;
  narSize: number;
  references: StoreNode[];
  selfReference?: boolean;
  /** The content, made only when the path is new (it may use the path itself). */
  content: (path: string) => Entry;
}

/** Rounds a byte count the way NAR sizes come out (multiples of 8, at least 120). */
function narBytes(bytes: number): number {
  return Math.max(120, Math.round(bytes / 8) * 8);
}

/** All store paths of one world, kept in an order where references come first. */
export class StoreGraph {
  readonly worldId: string;
  readonly nodes: StoreNode[] = [];
  private readonly byPath = new Map<string, StoreNode>();

  constructor(worldId: string) {
    this.worldId = worldId;
  }

  /** The path for `spec`, added unless the same name, variant and references exist already. */
  add(spec: NodeSpec): StoreNode {
    if (!/^[A-Za-z0-9+\-._?=]+$/.test(spec.name) || spec.name.startsWith('.')) throw new Error(`store graph: "${spec.name}" is not a valid store path name`);
    const references = uniqueSorted(spec.references);
    const variant = `${spec.variant}|${references.map((r) => r.hashPart).join(',')}`;
    const hashPart = storeHash(this.worldId, spec.name, variant);
    const path = `${storeDir}/${hashPart}-${spec.name}`;
    const known = this.byPath.get(path);
    if (known) return known;
    const node: StoreNode = {
      path,
      hashPart,
      name: spec.name,
      narSize: narBytes(spec.narSize),
      references,
      selfReference: spec.selfReference ?? false,
      content: spec.content(path),
    };
    this.byPath.set(path, node);
    this.nodes.push(node);
    return node;
  }

  /** A path that is referred to but never written or registered (a dangling generation). */
  phantomPath(name: string, variant: string): string {
    return `${storeDir}/${storeHash(this.worldId, name, `phantom|${variant}`)}-${name}`;
  }

  /** The fake deriver (.drv path) recorded for a node. */
  deriverOf(node: StoreNode): string {
    return `${storeDir}/${storeHash(this.worldId, `${node.name}.drv`, node.hashPart)}-${node.name}.drv`;
  }

  /** A fake but well-formed NAR hash for a node. */
  narHashOf(node: StoreNode): string {
    return hexDigest('nar', node.path);
  }
}

function uniqueSorted(nodes: StoreNode[]): StoreNode[] {
  const seen = new Map<string, StoreNode>();
  for (const node of nodes) seen.set(node.path, node);
  return [...seen.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Every path reachable from `root`, including itself. */
export function closureOf(root: StoreNode): StoreNode[] {
  const seen = new Set<StoreNode>([root]);
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as StoreNode;
    for (const ref of node.references) {
      if (!seen.has(ref)) {
        seen.add(ref);
        stack.push(ref);
      }
    }
  }
  return [...seen];
}

/** The sum of narSize over the closure of `root`. */
export function closureSize(root: StoreNode): number {
  let total = 0;
  for (const node of closureOf(root)) total += node.narSize;
  return total;
}
