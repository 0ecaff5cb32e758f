import { describe, it, expect } from 'vitest';
import type { GenerationRef } from '../../../../common/contract/index.ts';
import { packageDiff, pin, pinProblem, pinTarget, profile } from '../../../../test-support/contract-fixtures.ts';
import {
  attrMatchesName, beforeVersions, chooserLabel, choiceLabel, pinActionLabel, pinRequestForRow, pinsInOrder, pinsMatching, problemsOf,
  refForGeneration, targetProblems, targetsForKind, withTarget,
} from './pin-rules.ts';

const from: GenerationRef = { kind: 'system', name: 'system', number: 41 };

describe('pinRequestForRow', () => {
  it('offers the versions before, from the generation before, on rows whose old version went away', () => {
    for (const status of ['upgraded', 'downgraded', 'changed', 'removed'] as const) {
      const request = pinRequestForRow(packageDiff({ name: 'kicad', before: ['8.0.1'], after: status === 'removed' ? [] : ['8.0.2'], status }), from);
      expect(request, status).toEqual({ attr: 'kicad', choices: [{ version: '8.0.1', generation: from }] });
    }
  });
  it('offers nothing on added and rebuilt rows, bare store paths and per-user profiles', () => {
    expect(pinRequestForRow(packageDiff({ status: 'added', before: [] }), from)).toBeNull();
    expect(pinRequestForRow(packageDiff({ status: 'rebuilt', after: ['1.0'] }), from)).toBeNull();
    expect(pinRequestForRow(packageDiff(), null)).toBeNull();
    expect(pinRequestForRow(packageDiff(), { kind: 'user', name: 'profile', number: 3 })).toBeNull();
  });
  it('offers each distinct version, and "what the generation had" when every version is empty', () => {
    expect(pinRequestForRow(packageDiff({ before: ['1.0', '1.1', '1.0', ''] }), from)?.choices.map((c) => c.version)).toEqual(['1.0', '1.1']);
    expect(pinRequestForRow(packageDiff({ before: [''], after: ['1.0'], status: 'changed' }), from)?.choices).toEqual([{ version: null, generation: from }]);
  });
  it('lists distinct non-empty versions', () => {
    expect(beforeVersions({ before: ['', '2', '2', '3'] })).toEqual(['2', '3']);
  });
});

describe('labels', () => {
  it('names the version and generation when there is one of each', () => {
    expect(pinActionLabel({ attr: 'kicad', choices: [{ version: '8.0.1', generation: from }] })).toBe('Pin to 8.0.1 from generation 41…');
    expect(pinActionLabel({ attr: 'x', choices: [{ version: '1', generation: from }, { version: '2', generation: from }] })).toBe('Pin to a version from generation 41…');
    expect(pinActionLabel({ attr: 'x', choices: [{ version: null, generation: from }] })).toBe('Pin to the version from generation 41…');
    expect(pinActionLabel({ attr: 'x', choices: [{ version: '1', generation: from }, { version: '1', generation: { ...from, number: 40 } }] })).toBe('Pin to 1…');
  });
  it('says only what differs between choices', () => {
    const a = { version: '1', generation: from };
    const b = { version: '2', generation: from };
    const c = { version: '1', generation: { ...from, number: 40 } };
    expect(choiceLabel(a, [a, b])).toBe('1');
    expect(choiceLabel(c, [a, c])).toBe('from system #40');
    expect(choiceLabel(b, [a, b, c])).toBe('2 — system #41');
    expect([chooserLabel([a, b]), chooserLabel([a, c]), chooserLabel([a, b, c])]).toEqual(['Version', 'From', 'Version, from']);
  });
});

describe('matching pins to packages', () => {
  it('matches the attribute or its last part', () => {
    expect(attrMatchesName('kicad', 'kicad')).toBe(true);
    expect(attrMatchesName('python3Packages.requests', 'requests')).toBe(true);
    expect(attrMatchesName('kicad', 'kicad-small')).toBe(false);
    expect(attrMatchesName('a.', 'a.')).toBe(true);
    expect(attrMatchesName('a.', '')).toBe(false);
  });
  it('counts only targets of the profile kind for system and home, every target elsewhere', () => {
    const system = pinTarget({ pins: [pin()], problems: [pinProblem(), pinProblem({ attr: null, kind: 'unreadable', severity: 'error' })] });
    const home = pinTarget({ name: 'home-pins', kind: 'home', pins: [pin({ version: '7.0' })] });
    expect(pinsMatching([system, home], 'kicad', 'system')).toEqual([{ target: system, pin: system.pins[0], problems: [pinProblem()] }]);
    expect(pinsMatching([system, home], 'kicad', 'home').map((m) => m.pin.version)).toEqual(['7.0']);
    expect(pinsMatching([system, home], 'kicad', 'user')).toHaveLength(2);
    expect(pinsMatching([system, home], 'kicad', null)).toHaveLength(2);
    expect(pinsMatching(null, 'kicad', null)).toEqual([]);
    expect(pinsMatching([system], 'firefox', 'system')).toEqual([]);
  });
  it('splits a target\'s problems into per-pin and whole-target ones', () => {
    const target = pinTarget({ problems: [pinProblem(), pinProblem({ attr: 'other' }), pinProblem({ attr: null })] });
    expect(problemsOf(target, 'kicad')).toEqual([pinProblem()]);
    expect(targetProblems(target)).toEqual([pinProblem({ attr: null })]);
  });
  it('finds targets by kind', () => {
    const targets = [pinTarget(), pinTarget({ name: 'h', kind: 'home' })];
    expect(targetsForKind(targets, 'home').map((t) => t.name)).toEqual(['h']);
    expect(targetsForKind(null, 'system')).toEqual([]);
  });
});

describe('refForGeneration', () => {
  const profiles = [
    profile(),
    profile({ kind: 'home', name: 'home-manager', path: '/home/alice/.local/state/nix/profiles/home-manager' }),
    profile({ kind: 'user', name: 'system', path: '/home/alice/odd/system' }),
  ];
  it('maps a profile name or path to the app\'s generation', () => {
    expect(refForGeneration(profiles, { profile: 'system', number: 4 })).toEqual({ kind: 'system', name: 'system', number: 4 });
    expect(refForGeneration(profiles, { profile: '/home/alice/.local/state/nix/profiles/home-manager', number: 2 })).toEqual({ kind: 'home', name: 'home-manager', number: 2 });
    expect(refForGeneration(profiles, { profile: '/home/alice/odd/system', number: 1 })).toEqual({ kind: 'user', name: 'system', number: 1 });
  });
  it('answers null for an unknown profile or no profiles', () => {
    expect(refForGeneration(profiles, { profile: 'work', number: 1 })).toBeNull();
    expect(refForGeneration(null, { profile: 'system', number: 1 })).toBeNull();
  });
});

describe('lists', () => {
  it('orders pins newest first, then by attribute', () => {
    const pins = [pin({ attr: 'b', created: '2025-01-01T00:00:00Z' }), pin({ attr: 'a', created: '2025-02-01T00:00:00Z' }), pin({ attr: 'c', created: '2025-02-01T00:00:00Z' })];
    expect(pinsInOrder(pins).map((p) => p.attr)).toEqual(['a', 'c', 'b']);
  });
  it('replaces a target by name or adds it', () => {
    const a = pinTarget({ name: 'a' });
    const b = pinTarget({ name: 'b' });
    const newA = pinTarget({ name: 'a', pins: [pin()] });
    expect(withTarget([a, b], newA)).toEqual([newA, b]);
    expect(withTarget(null, a)).toEqual([a]);
  });
});
