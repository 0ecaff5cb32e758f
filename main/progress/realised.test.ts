// What a run built and fetched (issue 16: "was the pinned package fetched or built?"), read from logs
// captured from real Nix 2.8 runs (fixtures/capture.sh).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNixLogParser } from './nix-log-parser.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const realisedOf = (text: string) => {
  const p = createNixLogParser();
  p.feed(text);
  p.end();
  return p.realised();
};

describe('realised: built and fetched, from the internal-json log', () => {
  it('a build over three substituted paths: the three fetched from the cache, the top one built', () => {
    const log = fixture('nix-2.8-substitute.log');
    const r = realisedOf(log);
    // The oracle: Nix's own "copying path … from …" and "building '…'" lines in the same log.
    const copied = [...log.matchAll(/copying path '\/nix\/store\/[0-9a-z]{32}-([^']+)' from '([^']+)'/g)].map((m) => ({ name: m[1], from: m[2] }));
    const building = [...new Set([...log.matchAll(/building '\/nix\/store\/[0-9a-z]{32}-([^']+)\.drv'/g)].map((m) => m[1]))];
    expect(copied).toHaveLength(3);
    expect(r.fetched.sort((a, b) => a.name.localeCompare(b.name))).toEqual(copied.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')));
    expect(r.built).toEqual(building);
    expect(r.built).toEqual(['gentry-probe-top']);
    expect(r.truncated).toBe(false);
  });

  it('failed builds are not counted as built; nothing fetched without a cache', () => {
    const log = fixture('nix-2.8-keep-going.log');
    const r = realisedOf(log);
    const plain = log.replace(/\\u001b\[[0-9;]*m/g, ''); // the colours, as JSON escapes in the raw log
    const failed = [...plain.matchAll(/builder for '\/nix\/store\/[0-9a-z]{32}-([^']+)\.drv' failed/g)].map((m) => m[1]);
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) expect(r.built).not.toContain(f);
    const p = createNixLogParser();
    p.feed(log);
    expect(r.built).toHaveLength(p.progress().builds.done);
    expect(r.fetched).toEqual([]);
  });
});
