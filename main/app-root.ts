// main/: the Node side: the doors (app/, server/, cli/), the composition root (services.ts), the feature folders, and nix/ and infra/ beneath them.
// Where the checkout (or installed package) lives, found from this file's own location, so that
// the CLI run from source and the bundled Electron main both find out/renderer.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The directory holding Gentry's package.json. */
export function appRoot(from: string = import.meta.dirname): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'gentry') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find Gentry's package.json above ${from}`);
    dir = up;
  }
}

/** The built renderer that both the window and `gentry serve` show. */
export function rendererDir(root: string = appRoot()): string {
  return join(root, 'out/renderer');
}
