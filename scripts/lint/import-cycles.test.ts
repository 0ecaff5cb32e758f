import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles } from './import-cycles.ts';

const root = resolve(import.meta.dirname, '../..');

describe('import cycles', () => {
  it('finds none in the project', () => {
    expect(importCycles(root, ['common', 'main', 'preload', 'renderer', 'worlds', 'test-support', 'e2e', 'bench', 'bin', 'scripts'])).toEqual([]);
  });
  it('finds a planted cycle through a static import, a re-export and a dynamic import, but not through import type', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-cycles-'));
    try {
      mkdirSync(join(dir, 'src/sub'), { recursive: true });
      writeFileSync(join(dir, 'src/a.ts'), "import { b } from './sub/b.ts';\nexport const a = b;\n");
      writeFileSync(join(dir, 'src/sub/b.ts'), "export { c as b } from '../c.ts';\n");
      writeFileSync(join(dir, 'src/c.ts'), "export const c = 1;\nexport const load = () => import('./a.ts');\n");
      writeFileSync(join(dir, 'src/d.ts'), "import type { a } from './e.ts';\nexport const d: typeof a = 1;\n");
      writeFileSync(join(dir, 'src/e.ts'), "import { d } from './d.ts';\nexport const a = d;\n");
      expect(importCycles(dir, ['src'])).toEqual([['src/a.ts', 'src/c.ts', 'src/sub/b.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
