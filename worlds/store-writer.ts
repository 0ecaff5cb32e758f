// Writes store paths' content into /nix/store (synchronously: thousands of tiny files, no builds).
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, lutimesSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entry } from './store-content.ts';
import type { StoreNode } from './store-graph.ts';

// Entries are written the way Nix leaves them after registration (read-only, mtime 1), so that
// registering does not have to touch every inode again. Identical files and symlinks are hard links
// to one inode, as `nix-store --optimise` would leave files: a world repeats the same links and
// scripts thousands of times, and each new inode with content costs a disk block.
class StoreWriter {
  private readonly firstCopy = new Map<string, string>();

  write(path: string, entry: Entry): void {
    if (entry.type === 'dir') {
      mkdirSync(path, { mode: 0o555 });
      for (const [name, inner] of Object.entries(entry.entries)) this.write(join(path, name), inner);
      lutimesSync(path, 1, 1);
      return;
    }
    const key = entry.type === 'file' ? `${entry.executable ? 'x' : 'f'}:${entry.text}` : `l:${entry.target}`;
    const first = this.firstCopy.get(key);
    if (first !== undefined) {
      try {
        linkSync(first, path);
        return;
      } catch (error) {
        // Too many links to one inode: start a new copy.
        if ((error as NodeJS.ErrnoException).code !== 'EMLINK') throw error;
      }
    }
    if (entry.type === 'file') writeFileSync(path, entry.text, { mode: entry.executable ? 0o555 : 0o444 });
    else symlinkSync(entry.target, path);
    lutimesSync(path, 1, 1);
    this.firstCopy.set(key, path);
  }
}

/** The first of `nodes` whose path exists already (another world with the same seed), or null. */
export function firstExisting(nodes: readonly StoreNode[]): StoreNode | null {
  return nodes.find((node) => existsSync(node.path)) ?? null;
}

/**
 * Gives a fresh Nix (Debian's nix-bin with nothing under /nix yet) what Nix's first call would: the
 * store, the database, profiles and gcroots (`nix-store --init`), and gcroots/auto, which Nix makes at
 * the first indirect root.
 */
export function initNixState(): void {
  if (!existsSync('/nix/store') || !existsSync('/nix/var/nix/db/db.sqlite') || !existsSync('/nix/var/nix/profiles')) {
    const r = spawnSync('nix-store', ['--init'], { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(`nix-store --init failed (${r.error?.message ?? r.stderr.trim()}); install Nix (apt-get install nix-bin) and run as root`);
    }
  }
  mkdirSync('/nix/var/nix/gcroots/auto', { recursive: true });
}

/** Writes every node's content at its store path. */
export function writeStorePaths(nodes: readonly StoreNode[]): void {
  initNixState();
  const writer = new StoreWriter();
  for (const node of nodes) writer.write(node.path, node.content);
}
