// Every Nix file of the project parses (the real nix-instantiate --parse).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nixEnv } from '../main/infra/process.ts';
import { ROOT } from './tests/nix-eval.ts';

const SKIP = new Set(['node_modules', '.git', 'out', 'dist', 'target', 'test-results', 'electron-builder-out']);

function nixFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : nixFiles(join(dir, e.name));
    return e.isFile() && e.name.endsWith('.nix') ? [join(dir, e.name)] : [];
  });
}

describe('Nix files', () => {
  const files = nixFiles(ROOT).map((f) => relative(ROOT, f));

  it('are found: the flake and its nix/ files', () => {
    expect(files).toEqual(expect.arrayContaining(['flake.nix', 'nix/package.nix', 'nix/helper.nix', 'nix/nixos-module.nix', 'nix/home-module.nix', 'nix/vm-test.nix', 'nix/vm-machine.nix', 'nix/dev-shell.nix']));
  });

  it.each(files)('%s parses with nix-instantiate --parse', (file) => {
    const r = spawnSync('nix-instantiate', ['--parse', join(ROOT, file)], { encoding: 'utf8', env: nixEnv() });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
