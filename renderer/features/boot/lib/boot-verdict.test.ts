import { describe, expect, it } from 'vitest';
import type { BootEntry } from '../../../../common/contract/index.ts';
import { bootVerdict } from './boot-verdict.ts';

const entry = (id: string, extra: Partial<BootEntry> = {}): BootEntry => ({
  id, title: 'NixOS', version: null, profile: 'system', generation: 1, specialisation: null, managedByNixOS: true,
  isDefault: false, isOneshot: false, sortKey: 'nixos', linux: '/k', initrd: null, options: null, problems: [], ...extra,
});
const missing = { kind: 'missing-file' as const, file: '/k', message: 'Its kernel file /k is not on the ESP.' };

describe('bootVerdict', () => {
  it('is the default entry, able to boot, when nothing is wrong', () => {
    const v = bootVerdict({ oneshot: null, entries: [entry('a.conf'), entry('b.conf', { isDefault: true })] });
    expect([v.entry?.id, v.via, v.problems, v.fallback]).toEqual(['b.conf', 'default', [], null]);
  });
  it('is the one-shot entry before the default', () => {
    const v = bootVerdict({ oneshot: { id: 'a.conf' }, entries: [entry('a.conf', { isOneshot: true }), entry('b.conf', { isDefault: true })] });
    expect([v.entry?.id, v.via]).toEqual(['a.conf', 'oneshot']);
  });
  it('is the first entry when no default matches, and a one-shot naming nothing is ignored', () => {
    const v = bootVerdict({ oneshot: { id: 'gone.conf' }, entries: [entry('a.conf'), entry('b.conf')] });
    expect([v.entry?.id, v.via]).toEqual(['a.conf', 'first']);
  });
  it('names what breaks a broken default and the first entry that can boot instead', () => {
    const v = bootVerdict({ oneshot: null, entries: [entry('a.conf', { isDefault: true, problems: [missing] }), entry('b.conf', { problems: [missing] }), entry('c.conf')] });
    expect([v.entry?.id, v.problems, v.fallback?.id]).toEqual(['a.conf', [missing], 'c.conf']);
  });
  it('has nothing to boot on an empty menu', () => {
    expect(bootVerdict({ oneshot: null, entries: [] })).toEqual({ entry: null, via: 'none', problems: [], fallback: null });
  });
});
