// Detecting the generation a run made, on profile links made here (plain symlinks, as Nix makes them).
import { mkdtempSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentGeneration, newGeneration } from './new-generation.ts';

describe('newGeneration', () => {
  it('reports the new current generation and the one before; nothing when it did not change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-gen-'));
    const profile = join(dir, 'system');
    const watch = { kind: 'system' as const, name: 'system', profile };
    expect(await currentGeneration(profile)).toBeNull();
    symlinkSync('/nix/store/00000000000000000000000000000000-a', join(dir, 'system-41-link'));
    symlinkSync('system-41-link', profile);
    const before = await currentGeneration(profile);
    expect(before).toBe(41);
    expect(await newGeneration(watch, before)).toBeNull();
    symlinkSync('/nix/store/11111111111111111111111111111111-b', join(dir, 'system-42-link'));
    unlinkSync(profile);
    symlinkSync('system-42-link', profile);
    expect(await newGeneration(watch, before)).toEqual({ kind: 'system', name: 'system', number: 42, previous: 41 });
    expect(await newGeneration({ ...watch, kind: 'home', name: 'home-manager' }, null)).toEqual({ kind: 'home', name: 'home-manager', number: 42, previous: null });
  });
});
