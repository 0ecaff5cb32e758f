import { describe, expect, it } from 'vitest';
import type { PinCostInfo } from './contract/pin-cost.ts';
import { cacheName, pinCostLine } from './pin-cost-text.ts';

const base = { attr: 'kicad', source: 'github:NixOS/nixpkgs', rev: 'a'.repeat(40), drvPath: '/nix/store/x.drv' };
const checked = (over: Partial<Extract<PinCostInfo, { state: 'checked' }>>): PinCostInfo => ({
  state: 'checked', ...base, outputs: [], via: 'nix build --dry-run --json', outputsInStore: false, inStore: 0, toBuild: [], bigBuilds: [], toFetch: [],
  downloadBytes: 0, unpackedBytes: 0, unknown: [], substituters: [], nix: { downloadBytes: null, unpackedBytes: null }, ...over,
});
const fetch = (n: number, size: number | null, from: string | null = 'https://cache.nixos.org') =>
  Array.from({ length: n }, (_, i) => ({ path: `/nix/store/${i}`, from, fileSize: size, narSize: size }));
const build = (names: string[]) => names.map((n) => ({ drvPath: `/nix/store/h-${n}.drv`, name: n.replace(/-[0-9].*$/, ''), version: '', big: n.startsWith('gcc') || n.startsWith('rustc') }));

describe('pinCostLine', () => {
  it('a closure wholly in a cache: fetch N from the cache, build nothing', () => {
    expect(pinCostLine(checked({ toFetch: fetch(3, 100 * 1024 * 1024), downloadBytes: 312 * 1024 * 1024 }))).toBe('fetch 312.0 MiB from cache.nixos.org, build nothing');
  });
  it('builds: the count with digit grouping, the compilers named, then what is fetched', () => {
    const toBuild = build([...Array.from({ length: 1212 }, (_, i) => `lib${i}-1`), 'gcc-13.2.0', 'rustc-1.77.0']);
    expect(pinCostLine(checked({ toBuild, bigBuilds: ['gcc-13.2.0', 'rustc-1.77.0'] }))).toBe('build 1,214 derivations including gcc-13.2.0 and rustc-1.77.0, fetch nothing');
    expect(pinCostLine(checked({ toBuild: build(['kicad-8.0.1']), toFetch: fetch(2, 1024), downloadBytes: 2048 }))).toBe('build 1 derivation, fetch 2.0 KiB from cache.nixos.org');
  });
  it('more than three compilers: three named, the rest counted', () => {
    const big = ['gcc-13.2.0', 'clang-17', 'rustc-1.77.0', 'ghc-9.6', 'go-1.22'];
    expect(pinCostLine(checked({ toBuild: build(big), bigBuilds: big }))).toBe('build 5 derivations including gcc-13.2.0, clang-17, rustc-1.77.0 and 2 more compilers or toolchains, fetch nothing');
  });
  it('nothing to do when the outputs are in the store; several caches named; sizes unknown said so', () => {
    expect(pinCostLine(checked({ outputsInStore: true }))).toBe('already in the store: nothing to fetch, nothing to build');
    const toFetch = [...fetch(1, 1024), ...fetch(1, 1024, 'file:///srv/cache')];
    expect(pinCostLine(checked({ toFetch, downloadBytes: 2048 }))).toBe('fetch 2.0 KiB from cache.nixos.org and /srv/cache, build nothing');
    expect(pinCostLine(checked({ toFetch: fetch(2, null, null) }))).toBe('fetch 2 paths, build nothing');
  });
  it('not checked and failed: the reason, never a figure', () => {
    expect(pinCostLine({ state: 'not-checked', ...base, reason: 'no substituter could be reached', missingLocally: 3, substituters: [] })).toBe('not checked: no substituter could be reached');
    expect(pinCostLine({ state: 'failed', ...base, reason: 'nix-instantiate failed' })).toBe('not checked: nix-instantiate failed');
  });
  it('names caches by host', () => {
    expect(cacheName('https://cache.nixos.org/')).toBe('cache.nixos.org');
    expect(cacheName('http://127.0.0.1:8080')).toBe('127.0.0.1:8080');
  });
});
