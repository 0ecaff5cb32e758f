// The dry-run, JSON, version and narinfo parsers on outputs captured from this machine's Nix 2.8
// (test-support/pin-cost-captures/: a kicad-8.0.1 derivation over libfoo, libbar and a "gcc", with a
// file:// cache holding the three dependencies, and the narinfo Nix wrote there).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNarinfo } from './narinfo.ts';
import { isBigBuild, parseBuildJson, parseDryRun, parseNixVersion, storeName, versionAtLeast } from './pin-cost-parse.ts';
import { byPriority, parseCacheInfo } from './substituters.ts';

const capture = (name: string) => readFileSync(join(import.meta.dirname, '../../test-support/pin-cost-captures', name), 'utf8');
const S = '/nix/store/';

describe('parseDryRun', () => {
  it('reads both sections and Nix\'s sizes from nix-store --realise --dry-run with a cache', () => {
    const r = parseDryRun(capture('nix-store-dry-run-mixed.txt'));
    expect(r.toBuild).toEqual([`${S}6winphym8l27bf99g7mhi2kymn36jijp-kicad-8.0.1.drv`]);
    expect(r.toFetch).toEqual([`${S}34s6c7ka29zk01m7fzq0sgn7scpqz3w3-gcc-13.2.0`, `${S}l5all16m40yccmnmjnqsnsgihs5irg9f-libbar-2.0`, `${S}zdy79brdb728840wiq9p7ai56gvkh8pd-libfoo-1.0`]);
    expect(r.nixDownloadBytes).toBeCloseTo(0.01 * 1024 * 1024);
    expect(r.nixUnpackedBytes).toBeCloseTo(0.13 * 1024 * 1024);
    expect(r.unknown).toEqual([]);
  });
  it('reads "these 4 derivations will be built" with no fetch section', () => {
    const r = parseDryRun(capture('nix-store-dry-run-build-only.txt'));
    expect(r.toBuild.map((d) => storeName(d).full)).toEqual(['libbar-2.0', 'gcc-13.2.0', 'libfoo-1.0', 'kicad-8.0.1']);
    expect(r.toFetch).toEqual([]);
    expect(r.nixDownloadBytes).toBeNull();
  });
  it('reads nix build --dry-run\'s standard error the same way', () => {
    expect(parseDryRun(capture('nix-build-dry-run-stderr.txt'))).toEqual(parseDryRun(capture('nix-store-dry-run-mixed.txt')));
  });
  it('reads "this path will be fetched (0.00 MiB download, 0.04 MiB unpacked)"', () => {
    const r = parseDryRun(capture('nix-store-dry-run-one-fetch.txt'));
    expect(r).toEqual({ toBuild: [], toFetch: [`${S}l5all16m40yccmnmjnqsnsgihs5irg9f-libbar-2.0`], unknown: [], nixDownloadBytes: 0, nixUnpackedBytes: 0.04 * 1024 * 1024 });
  });
  it('reads "don\'t know how to build these paths" as unknown', () => {
    expect(parseDryRun(capture('nix-store-dry-run-unknown-path.txt')).unknown).toEqual([`${S}l5all16m40yccmnmjnqsnsgihs5irg9f-libbar-2.0`]);
  });
  it('finds nothing to do in empty output, skips warnings, and reads other units and the old plural heads', () => {
    expect(parseDryRun('')).toEqual({ toBuild: [], toFetch: [], unknown: [], nixDownloadBytes: null, nixUnpackedBytes: null });
    const r = parseDryRun(`warning: you did not specify '--add-root'\nthese derivations will be built:\n  ${S}aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a-1.drv\nthese 2 paths will be fetched (1.5 KiB download, 2 GiB unpacked):\n  ${S}bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-b\n  ${S}cccccccccccccccccccccccccccccccc-c\nwarning: x\n  ${S}dddddddddddddddddddddddddddddddd-d\n`);
    expect(r.toBuild).toHaveLength(1);
    expect(r.toFetch).toHaveLength(2);
    expect(r.nixDownloadBytes).toBe(1536);
    expect(r.nixUnpackedBytes).toBe(2 * 1024 ** 3);
  });
});

describe('the other parsers', () => {
  it('reads nix build --dry-run --json', () => {
    expect(parseBuildJson(capture('nix-build-dry-run.json'))).toEqual([{ drvPath: `${S}6winphym8l27bf99g7mhi2kymn36jijp-kicad-8.0.1.drv`, outputs: { out: `${S}yqb71wqyzqs4br8s19yi6z0l2gwbjkfz-kicad-8.0.1` } }]);
    expect(() => parseBuildJson('{"a":1}')).toThrow(/not a list/);
    expect(() => parseBuildJson('nope')).toThrow(/not JSON/);
  });
  it('reads the version', () => {
    const v = parseNixVersion(capture('nix-version.txt'));
    expect(v).toEqual([2, 8, 0]);
    expect(versionAtLeast(v as [number, number, number], 2, 4)).toBe(true);
    expect(versionAtLeast(v as [number, number, number], 2, 13)).toBe(false);
    expect(parseNixVersion('nix (Nix) 2.35.1')).toEqual([2, 35, 1]);
    expect(parseNixVersion('nothing')).toBeNull();
  });
  it('reads the narinfo Nix wrote', () => {
    expect(parseNarinfo(capture('libfoo.narinfo'))).toEqual({
      storePath: `${S}zdy79brdb728840wiq9p7ai56gvkh8pd-libfoo-1.0`,
      url: 'nar/0xxvf8665ijz3grjcg75mrwi6jm85insirir2jbag08sdc0x967q.nar.xz',
      compression: 'xz',
      fileSize: 1080,
      narSize: 20752,
      references: ['34s6c7ka29zk01m7fzq0sgn7scpqz3w3-gcc-13.2.0'],
    });
    expect(() => parseNarinfo('StorePath: /nix/store/x\nURL: nar/x\n')).toThrow(/no NarSize/);
    expect(() => parseNarinfo('StorePath: /nix/store/x\nURL: nar/x\nNarSize: lots\n')).toThrow(/not a number/);
  });
  it('reads nix-cache-info and orders caches by priority, then as configured', () => {
    expect(parseCacheInfo(capture('nix-cache-info'))).toEqual({ storeDir: '/nix/store', priority: 50 });
    expect(parseCacheInfo('StoreDir: /nix/store\nWantMassQuery: 1\nPriority: 40\n').priority).toBe(40);
    expect(byPriority([{ url: 'a', reachable: true, priority: 50 }, { url: 'b', reachable: false, reason: 'x' }, { url: 'c', reachable: true, priority: 40 }, { url: 'd', reachable: true, priority: 50 }])).toEqual(['c', 'a', 'd']);
  });
  it('names the compilers and toolchains', () => {
    expect(['gcc', 'gcc-unwrapped', 'clang', 'llvm', 'rustc', 'ghc', 'go', 'openjdk', 'llvm17', 'python312'].filter((n) => !isBigBuild(n))).toEqual([]);
    expect(isBigBuild('python3')).toBe(true);
    expect(isBigBuild('kicad')).toBe(false);
    expect(isBigBuild('libfoo')).toBe(false);
    expect(storeName(`${S}yqbvpvd95igngfa7jlyck48zpjzpppqn-gcc-13.2.0.drv`)).toEqual({ full: 'gcc-13.2.0', name: 'gcc', version: '13.2.0' });
    expect(storeName(`${S}yqbvpvd95igngfa7jlyck48zpjzpppqn-hello`)).toEqual({ full: 'hello', name: 'hello', version: '' });
  });
});
