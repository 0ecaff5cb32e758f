// scripts/: the npm scripts (build, start, test, package) and, in lint/, the project's own lint rules.
// Bundles the `gentry` command into out/cli/ (one file per lazily loaded part), so that it starts
// without resolving and type-stripping dozens of modules. bin/gentry.js uses the bundle only while
// it is newer than every source; otherwise it runs the sources.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'rolldown';

const root = dirname(import.meta.dirname);
// Chunk names carry a hash: start empty so old chunks do not pile up.
rmSync(join(root, 'out/cli'), { recursive: true, force: true });
await build({
  input: { main: join(root, 'main/cli/main.ts') },
  platform: 'node',
  // node-pty is a native addon: it is loaded from node_modules when a run starts, never bundled.
  external: [/^node:/, 'bufferutil', 'utf-8-validate', 'node-pty'],
  logLevel: 'warn',
  output: { dir: join(root, 'out/cli'), format: 'esm', minify: true, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
});
writeFileSync(join(root, 'out/cli/package.json'), '{"type":"module"}\n');
writeFileSync(join(root, 'out/cli/.build-stamp'), `${new Date().toISOString()}\n`);
