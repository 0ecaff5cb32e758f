import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerOf, layerViolations } from './import-layers.ts';

const root = resolve(import.meta.dirname, '../..');

describe('import layers', () => {
  it('finds every import in the project going one way: doors, root, feature folders, nix and infra, common', () => {
    expect(layerViolations(root)).toEqual([]);
  });

  it('places the folders in their layers', () => {
    expect(['main/cli/main.ts', 'main/services.ts', 'main/generations/previews.ts', 'main/nix/profile-links.ts', 'main/infra/log.ts', 'common/contract/index.ts'].map(layerOf)).toEqual(['door', 'root', 'feature', 'nix', 'infra', 'common']);
  });

  it('finds planted imports against the direction, through a static and a dynamic import, but not through import type or in a test', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-layers-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    try {
      write('common/a.ts', 'export const a = 1;\n');
      write('main/infra/log.ts', "import { n } from '../nix/n.ts';\nexport const log = n;\n");
      write('main/nix/n.ts', "import { a } from '../../common/a.ts';\nexport const n = a;\nexport const later = () => import('../generations/g.ts');\n");
      write('main/generations/g.ts', "import { s } from '../services.ts';\nimport type { T } from '../cli/c.ts';\nexport const g: T = s;\n");
      write('main/generations/g.test.ts', "import { c } from '../cli/c.ts';\nexport const t = c;\n");
      write('main/services.ts', "import { g } from './generations/g.ts';\nexport const s = 1;\nexport const h = g;\n");
      write('main/cli/c.ts', "import { w } from '../server/w.ts';\nimport { s } from '../services.ts';\nexport type T = number;\nexport const c = w + s;\n");
      write('main/server/w.ts', 'export const w = 1;\n');
      write('main/stray.ts', 'export const x = 1;\n');
      write('worlds/world.ts', "import { n } from '../main/nix/n.ts';\nexport const world = n;\n");
      expect(layerViolations(dir)).toEqual([
        'main/cli/c.ts → main/server/w.ts: one door imports another',
        'main/generations/g.ts → main/services.ts: feature may not import root',
        'main/infra/log.ts → main/nix/n.ts: infra may not import nix',
        'main/nix/n.ts → main/generations/g.ts: nix may not import feature',
        'main/stray.ts: in no layer (give its folder one in scripts/lint/import-layers.ts)',
        'worlds/world.ts → main/nix/n.ts: worlds may not import nix',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
