import { describe, it, expect } from 'vitest';
import type { Settings } from '../../../../common/contract/index.ts';
import { draftProblem, draftTarget, settingsWithTarget } from './pin-target-form.ts';

const existing = [{ name: 'sys', path: '/etc/nixos/pins', kind: 'system' as const }];

describe('the add-a-target form', () => {
  it('accepts a fresh name and directory', () => {
    expect(draftProblem({ name: ' home-pins ', path: '~/nixos/pins', kind: 'home' }, existing)).toBeNull();
    expect(draftTarget({ name: ' home-pins ', path: ' ~/nixos/pins ', kind: 'home' })).toEqual({ name: 'home-pins', path: '~/nixos/pins', kind: 'home' });
  });
  it('says what is wrong', () => {
    expect(draftProblem({ name: '', path: '/x', kind: 'system' }, [])).toMatch(/name/);
    expect(draftProblem({ name: 'a b', path: '/x', kind: 'system' }, [])).toMatch(/letters/);
    expect(draftProblem({ name: 'a', path: '', kind: 'system' }, [])).toMatch(/directory/);
    expect(draftProblem({ name: 'a', path: 'relative/dir', kind: 'system' }, [])).toMatch(/absolute/);
    expect(draftProblem({ name: 'sys', path: '/y', kind: 'system' }, existing)).toMatch(/exists already/);
    expect(draftProblem({ name: 'b', path: '/etc/nixos/pins', kind: 'system' }, existing)).toMatch(/uses/);
    expect(draftTarget({ name: 'a b', path: '/x', kind: 'system' })).toBeNull();
  });
  it('appends the target and keeps every other setting', () => {
    const settings: Settings = { version: 1, systemFlake: '/etc/nixos#host', homeFlake: null, nixpkgsGit: null, overlayTargets: existing, runHistoryLimitMiB: 50 };
    const target = { name: 'h', path: '/h', kind: 'home' as const };
    expect(settingsWithTarget(settings, target)).toEqual({ ...settings, overlayTargets: [...existing, target] });
    expect(settings.overlayTargets).toHaveLength(1);
  });
});
