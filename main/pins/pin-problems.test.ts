// Each problem rule on its own: what makes it fire, and what keeps it quiet.
import { describe, expect, it } from 'vitest';
import type { Pin } from '../../common/contract/index.ts';
import { blockingProblems, type PinFacts, pinProblems } from './pin-problems.ts';

const REV = 'c'.repeat(40);
const NOW = new Date('2026-11-21T20:00:00Z');

const pin = (over: Partial<Pin> = {}): Pin => ({
  attr: 'kicad',
  version: '8.0.1',
  source: 'git+file:///srv/nixpkgs',
  rev: REV,
  narHash: null,
  reason: null,
  created: '2026-11-21T19:00:00Z',
  fromGeneration: null,
  ...over,
});

const facts = (over: Partial<PinFacts> = {}): PinFacts => ({
  pin: pin(),
  targetKind: 'system',
  fieldProblem: null,
  check: { checked: true, facts: { exists: true, version: '8.0.1', storeName: 'kicad', failed: false }, via: 'test' },
  narHashReason: null,
  others: [],
  current: { profile: 'system', number: 30, date: new Date('2026-11-21T18:00:00Z'), versions: ['8.0.2'] },
  brokenVersion: '8.0.2',
  upstream: null,
  inStore: true,
  sizeHint: null,
  isNew: false,
  now: NOW,
  ...over,
});

const kinds = (f: PinFacts) => pinProblems(f).map((p) => `${p.kind}/${p.severity}`);

describe('pinProblems', () => {
  it('finds nothing wrong with a good pin', () => {
    expect(pinProblems(facts())).toEqual([]);
  });

  it('reports an unusable hand-edited entry and nothing else', () => {
    expect(kinds(facts({ fieldProblem: 'a.b is an attribute path' }))).toEqual(['unreadable/error']);
  });

  it('missing-attr: the attribute is not there, or evaluating it fails', () => {
    expect(kinds(facts({ check: { checked: true, facts: { exists: false, version: null, storeName: null, failed: false }, via: 't' } }))).toEqual(['missing-attr/error']);
    expect(kinds(facts({ check: { checked: true, facts: { exists: true, version: null, storeName: null, failed: true }, via: 't' } }))).toEqual(['missing-attr/error']);
  });

  it('version-mismatch: the revision has another version', () => {
    const found = pinProblems(facts({ check: { checked: true, facts: { exists: true, version: '8.0.2', storeName: 'kicad', failed: false }, via: 't' } }));
    expect(found.map((p) => p.kind)).toEqual(['version-mismatch']);
    expect(found[0]?.message).toMatch(/is version 8\.0\.2, not the pinned 8\.0\.1/);
  });

  it('says "not checked" rather than guessing, and an error when the fetch itself failed', () => {
    expect(kinds(facts({ check: { checked: false, reason: 'timed out', broken: false } }))).toEqual(['unreadable/warning']);
    expect(pinProblems(facts({ check: { checked: false, reason: 'timed out', broken: false } }))[0]?.message).toMatch(/^not checked/);
    expect(kinds(facts({ check: { checked: false, reason: 'Cannot find Git revision', broken: true } }))).toEqual(['unreadable/error']);
  });

  it('no-narhash: a github: pin without a hash, with the flake input line and the unchecked assumption', () => {
    const found = pinProblems(facts({ pin: pin({ source: 'github:NixOS/nixpkgs' }), check: null, narHashReason: 'no network' }));
    expect(found.map((p) => p.kind)).toEqual(['no-narhash']);
    expect(found[0]?.message).toContain(`inputs.nixpkgs-kicad.url = "github:NixOS/nixpkgs/${REV}";`);
    expect(found[0]?.message).toMatch(/was not checked/);
    expect(kinds(facts({ pin: pin({ source: 'github:NixOS/nixpkgs', narHash: 'sha256-x' }) }))).toEqual([]);
  });

  it('conflict: same kind is an error, other kind a warning, same pin elsewhere nothing, twice in one file an error', () => {
    const other = (kind: 'system' | 'home', p: Pin, sameTarget = false) => ({ target: 'other', kind, sameTarget, pin: p });
    expect(kinds(facts({ others: [other('system', pin({ version: '8.0.0' }))] }))).toEqual(['conflict/error']);
    expect(kinds(facts({ others: [other('home', pin({ version: '8.0.0' }))] }))).toEqual(['conflict/warning']);
    expect(kinds(facts({ others: [other('system', pin())] }))).toEqual([]);
    expect(kinds(facts({ others: [other('system', pin({ rev: 'd'.repeat(40) }))] }))).toEqual(['conflict/warning']);
    expect(kinds(facts({ others: [other('system', pin({ version: '8.0.0' }), true)] }))).toEqual(['conflict/error']);
  });

  it('no-change: the current generation (built without the pin) already has the version', () => {
    const current = { profile: 'system', number: 30, date: new Date('2026-11-21T18:00:00Z'), versions: ['8.0.1'] };
    expect(kinds(facts({ current }))).toEqual(['no-change/warning']);
    // Built after the pin was made: having the version is the pin working, not a pin that changes nothing.
    expect(kinds(facts({ current: { ...current, date: new Date('2026-11-21T19:30:00Z') } }))).toEqual([]);
    expect(kinds(facts({ current: { ...current, date: new Date('2026-11-21T19:30:00Z') }, isNew: true }))).toEqual(['no-change/warning']);
    expect(kinds(facts({ upstream: { version: '8.0.1', where: 'the checkout' } }))).toEqual(['no-change/warning']);
  });

  it('old: more than 30 days since it was made', () => {
    expect(kinds(facts({ pin: pin({ created: '2026-10-01T00:00:00Z' }) }))).toEqual(['old/warning']);
    expect(kinds(facts({ pin: pin({ created: '2026-10-23T00:00:00Z' }) }))).toEqual([]);
    expect(kinds(facts({ pin: pin({ created: 'yesterday' }) }))).toEqual(['old/warning']);
  });

  it('fixed-upstream: a version newer than the broken one is available', () => {
    expect(kinds(facts({ upstream: { version: '8.0.3', where: 'the checkout' } }))).toEqual(['fixed-upstream/warning']);
    expect(kinds(facts({ upstream: { version: '8.0.2', where: 'the checkout' } }))).toEqual([]);
    expect(kinds(facts({ upstream: { version: '8.0.3', where: 'the checkout' }, brokenVersion: null }))).toEqual([]);
    // A current generation built after the pin, without it (not wired), that moved past the broken version.
    const current = { profile: 'system', number: 31, date: new Date('2026-11-21T19:30:00Z'), versions: ['8.0.4'] };
    const found = pinProblems(facts({ current }));
    expect(found.map((p) => p.kind)).toEqual(['fixed-upstream']);
    expect(found[0]?.message).toMatch(/system 31\) has kicad 8\.0\.4, newer than 8\.0\.2/);
  });

  it('not-in-store: says it will be downloaded or built, with a size when one is known', () => {
    expect(pinProblems(facts({ inStore: false }))[0]?.message).toMatch(/not in the local store.*size is not known/);
    expect(pinProblems(facts({ inStore: false, sizeHint: { bytes: 3 * 1024 * 1024, of: "kicad 8.0.2's closure here, for scale" } }))[0]?.message).toMatch(/3\.0 MiB/);
  });

  it('only errors block a new pin', () => {
    const all = pinProblems(facts({ inStore: false, check: { checked: true, facts: { exists: false, version: null, storeName: null, failed: false }, via: 't' } }));
    expect(blockingProblems(all).map((p) => p.kind)).toEqual(['missing-attr']);
  });
});

describe('pinProblems, pins that cannot work', () => {
  it('does not say a pin that cannot be fetched or has no attribute will be downloaded', () => {
    const gone = facts({ inStore: false, check: { checked: true, facts: { exists: false, version: null, storeName: null, failed: false }, via: 't' } });
    expect(kinds(gone)).toEqual(['missing-attr/error']);
    expect(kinds(facts({ inStore: false, check: { checked: false, reason: 'no such revision', broken: true } }))).toEqual(['unreadable/error']);
    expect(kinds(facts({ inStore: false, check: null }))).toEqual(['not-in-store/warning']);
  });
});
