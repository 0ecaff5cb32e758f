import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../../common/contract/index.ts';
import { settings } from '../../../../test-support/contract-fixtures.ts';
import { checkDraft, draftFromSettings, emptyTarget, sameSettings, settingsFromDraft, visibleErrors } from './settings-form.ts';

describe('settings form', () => {
  it('round-trips saved settings through the form', () => {
    const saved = settings({ systemFlake: '/etc/nixos#host', overlayTargets: [{ name: 'system', path: '/etc/nixos/pins', kind: 'system' }] });
    const draft = draftFromSettings(saved);
    expect(draft.systemFlake).toBe('/etc/nixos#host');
    expect(draft.homeFlake).toBe('');
    expect(draft.runHistoryLimitMiB).toBe('200');
    const check = checkDraft(draft);
    expect(check).toEqual({ ok: true, settings: saved });
  });

  it('turns blank text into "not set" and trims what was typed', () => {
    const draft = { ...draftFromSettings(settings()), systemFlake: '  github:me/config#host ', nixpkgsGit: '   ', runHistoryLimitMiB: ' 50 ' };
    const check = checkDraft(draft);
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.settings).toMatchObject({ systemFlake: 'github:me/config#host', nixpkgsGit: null, runHistoryLimitMiB: 50 });
      expect(SettingsSchema.safeParse(check.settings).success).toBe(true);
    }
  });

  it('keys each problem by its field, in words, as the contract schema sees it', () => {
    const draft = {
      ...draftFromSettings(settings()),
      systemFlake: 'nixos config',
      homeFlake: 'https://example.com/flake',
      runHistoryLimitMiB: '1.5',
      overlayTargets: [{ ...emptyTarget(), name: 'bad name!', path: '/a' }, { ...emptyTarget('home'), name: '', path: '' }],
    };
    const check = checkDraft(draft);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.systemFlake).toMatch(/^A flake reference is a path, path:, git\+file:/);
    expect(check.errors.homeFlake).toBeDefined();
    expect(check.errors.runHistoryLimitMiB).toBe('A whole number of MiB, from 1 to 100000.');
    expect(check.errors['overlayTargets.0.name']).toMatch(/Letters, digits/);
    expect(check.errors['overlayTargets.1.name']).toBe('A target needs a name.');
    expect(check.errors['overlayTargets.1.path']).toBe('A target needs a directory.');
    expect(check.errors['overlayTargets.0.path']).toBeUndefined();
  });

  it('refuses out-of-range limits and two targets with one name or one directory', () => {
    const base = draftFromSettings(settings());
    const zero = checkDraft({ ...base, runHistoryLimitMiB: '0' });
    expect(zero.ok ? null : zero.errors.runHistoryLimitMiB).toMatch(/whole number/);
    const twins = checkDraft({
      ...base,
      overlayTargets: [
        { ...emptyTarget(), name: 'pins', path: '/a' },
        { ...emptyTarget(), name: 'pins', path: '/a' },
      ],
    });
    expect(twins.ok).toBe(false);
    if (!twins.ok) {
      expect(twins.errors['overlayTargets.1.name']).toBe('Another target has this name.');
      expect(twins.errors['overlayTargets.1.path']).toBe('Another target uses this directory.');
      expect(twins.errors['overlayTargets.0.name']).toBeUndefined();
    }
  });

  it('shows only the problems of fields holding text until Save was pressed', () => {
    const draft = { ...draftFromSettings(settings()), systemFlake: 'not a flake', runHistoryLimitMiB: '', overlayTargets: [emptyTarget()] };
    const check = checkDraft(draft);
    if (check.ok) throw new Error('expected problems');
    expect(Object.keys(visibleErrors(draft, check.errors, false))).toEqual(['systemFlake']);
    expect(Object.keys(visibleErrors(draft, check.errors, true)).sort()).toEqual(['overlayTargets.0.name', 'overlayTargets.0.path', 'runHistoryLimitMiB', 'systemFlake']);
  });

  it('compares settings by what they say', () => {
    const a = settings({ overlayTargets: [{ name: 'x', path: '/x', kind: 'home' }] });
    expect(sameSettings(a, settings({ overlayTargets: [{ name: 'x', path: '/x', kind: 'home' }] }))).toBe(true);
    expect(sameSettings(a, settings({ overlayTargets: [{ name: 'x', path: '/x', kind: 'system' }] }))).toBe(false);
    expect(sameSettings(a, { ...a, homeFlake: '/h' })).toBe(false);
    expect(sameSettings(settingsFromDraft(draftFromSettings(a)), a)).toBe(true);
  });
});
