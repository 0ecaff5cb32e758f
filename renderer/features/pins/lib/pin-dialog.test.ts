import { describe, it, expect } from 'vitest';
import type { GenerationRef } from '../../../../common/contract/index.ts';
import { pin, pinProblem, pinTarget } from '../../../../test-support/contract-fixtures.ts';
import { attrProblem, canClosePin, canPin, defaultTarget, hasBlockingProblems, openPinDialog, pinInput, withTargets } from './pin-dialog.ts';
import type { PinRequest } from './pin-rules.ts';

const from: GenerationRef = { kind: 'system', name: 'system', number: 41 };
const home: GenerationRef = { kind: 'home', name: 'home-manager', number: 3 };
const request: PinRequest = { attr: 'kicad', choices: [{ version: '8.0.1', generation: from }, { version: null, generation: home }] };
const preview = { entry: pin(), pinsJson: '{}', problems: [] };

describe('the pin dialog', () => {
  it('checks the attribute', () => {
    expect(attrProblem('kicad')).toBeNull();
    expect(attrProblem(' python3Packages.requests ')).toBeNull();
    expect(attrProblem("foo'")).toBeNull();
    expect(attrProblem('')).toMatch(/Say which/);
    expect(attrProblem('a b')).toMatch(/attribute path/);
    expect(attrProblem('1abc')).toMatch(/attribute path/);
    expect(attrProblem('a'.repeat(201))).toMatch(/at most 200/);
  });

  it('picks the target already pinning the attribute, else the first of the kind', () => {
    const dialog = openPinDialog(request);
    const a = pinTarget({ name: 'a' });
    const b = pinTarget({ name: 'b', pins: [pin()] });
    const h = pinTarget({ name: 'h', kind: 'home' });
    expect(defaultTarget(dialog, [h, a, b])).toBe('b');
    expect(defaultTarget(dialog, [h, a])).toBe('a');
    expect(defaultTarget({ ...dialog, choice: 1 }, [a, h])).toBe('h');
    expect(defaultTarget(dialog, [h])).toBeNull();
  });

  it('keeps a chosen target that still serves the kind, and says when none does', () => {
    const dialog = { ...openPinDialog(request), target: 'second' };
    const targets = [pinTarget({ name: 'first' }), pinTarget({ name: 'second' })];
    expect(withTargets(dialog, targets)).toMatchObject({ target: 'second', phase: 'previewing' });
    expect(withTargets({ ...dialog, choice: 1 }, targets)).toMatchObject({ target: null, phase: 'no-target' });
  });

  it('builds the call input from what the dialog says', () => {
    const dialog = { ...openPinDialog(request), target: 'sys', reason: '  regressed  ', attr: ' kicad ' };
    expect(pinInput(dialog)).toEqual({ target: 'sys', attr: 'kicad', fromGeneration: from, version: '8.0.1', reason: 'regressed' });
    expect(pinInput({ ...dialog, choice: 1, reason: '' })).toEqual({ target: 'sys', attr: 'kicad', fromGeneration: home });
    expect(pinInput({ ...dialog, target: null })).toBeNull();
    expect(pinInput({ ...dialog, attr: '' })).toBeNull();
    expect(pinInput({ ...dialog, choice: 5 })).toBeNull();
    expect(pinInput({ ...dialog, reason: 'x'.repeat(1200) })?.reason).toHaveLength(1000);
  });

  it('pins only a shown preview without errors, and may always close but while writing', () => {
    const dialog = { ...openPinDialog(request), target: 'sys' };
    expect(canPin({ ...dialog, phase: 'ready', preview })).toBe(true);
    expect(canPin({ ...dialog, phase: 'ready', preview: null })).toBe(false);
    expect(canPin({ ...dialog, phase: 'previewing', preview })).toBe(false);
    expect(canPin({ ...dialog, phase: 'ready', preview, attr: '' })).toBe(false);
    expect(canPin({ ...dialog, phase: 'ready', preview: { ...preview, problems: [pinProblem()] } })).toBe(true);
    expect(canPin({ ...dialog, phase: 'ready', preview: { ...preview, problems: [pinProblem({ kind: 'conflict', severity: 'error' })] } })).toBe(false);
    expect(canClosePin({ ...dialog, phase: 'saving' })).toBe(false);
    expect(canClosePin({ ...dialog, phase: 'done' })).toBe(true);
  });

  it('tells an error-severity problem from warnings', () => {
    expect(hasBlockingProblems({ preview: { ...preview, problems: [pinProblem()] } })).toBe(false);
    expect(hasBlockingProblems({ preview: { ...preview, problems: [pinProblem({ kind: 'conflict', severity: 'error' })] } })).toBe(true);
    expect(hasBlockingProblems({ preview: null })).toBe(false);
  });
});
