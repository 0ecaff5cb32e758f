import { describe, it, expect } from 'vitest';
import type { BootEntry, BootMenu } from '../../../../common/contract/index.ts';
import { generation, profile } from '../../../../test-support/contract-fixtures.ts';
import { bootRows, entryActions, entryName, entryRequest, indexOfEntry } from './boot-rows.ts';

function entry(fields: Partial<BootEntry>): BootEntry {
  return {
    id: 'nixos-generation-1.conf', title: 'NixOS', version: null, profile: 'system', generation: 1, specialisation: null,
    managedByNixOS: true, isDefault: false, isOneshot: false, sortKey: 'nixos', linux: null, initrd: null, options: null, ...fields,
  };
}

const menu: BootMenu = {
  loader: 'systemd-boot', esp: '/boot', timeout: { value: '5', source: 'loader.conf' }, default: { id: 'nixos-generation-2.conf', source: 'efi' }, oneshot: null,
  entries: [
    entry({ id: 'nixos-generation-2.conf', generation: 2, isDefault: true }),
    entry({ id: 'nixos-work-generation-2.conf', profile: 'work', generation: 2 }),
    entry({ id: 'nixos-generation-1-specialisation-gaming.conf', generation: 1, specialisation: 'gaming' }),
    entry({ id: 'windows.conf', title: 'Windows Boot Manager', profile: null, generation: null, managedByNixOS: false }),
  ],
  warnings: [],
};

describe('boot rows', () => {
  it('finds the generation each NixOS entry boots, in its own profile', () => {
    const profiles = [
      profile({ generations: [generation({ number: 1 }), generation({ number: 2, label: 'last good', current: true })] }),
      profile({ name: 'work', path: '/nix/var/nix/profiles/system-profiles/work', generations: [generation({ number: 2, label: 'work two' })] }),
      profile({ kind: 'home', name: 'system', generations: [generation({ number: 2, label: 'not a system profile' })] }),
    ];
    const rows = bootRows(menu, profiles);
    expect(rows.map((row) => row.position)).toEqual([1, 2, 3, 4]);
    expect(rows.map((row) => row.generation?.label ?? null)).toEqual(['last good', 'work two', null, null]);
    expect(rows[2]?.generation?.number).toBe(1);
    expect(rows.map((row) => row.name)).toEqual(['NixOS, generation 2', 'NixOS [work], generation 2', 'NixOS, generation 1 (gaming)', 'Windows Boot Manager']);
    expect(indexOfEntry(rows, 'windows.conf')).toBe(3);
    expect(indexOfEntry(rows, null)).toBe(-1);
  });

  it('falls back to the ID when an entry has no title', () => {
    expect(entryName(entry({ id: 'odd.conf', title: null, profile: null, generation: null }))).toBe('odd.conf');
  });

  it('offers edit and remove only for entries NixOS does not manage, and not what is already set', () => {
    const [nixos, , , windows] = menu.entries as [BootEntry, BootEntry, BootEntry, BootEntry];
    const byId = (actions: ReturnType<typeof entryActions>) => Object.fromEntries(actions.map((a) => [a.id, a]));
    const a = byId(entryActions(nixos, menu));
    expect(a['set-default']).toMatchObject({ enabled: false, reason: 'This entry is already the default (pinned by an EFI variable)' });
    expect(a['set-oneshot']?.enabled).toBe(true);
    expect(a.edit).toMatchObject({ enabled: false, reason: expect.stringMatching(/NixOS writes this entry/) });
    const w = byId(entryActions({ ...windows, isOneshot: true }, menu));
    expect(w['set-default']?.enabled).toBe(true);
    expect(w['set-oneshot']?.enabled).toBe(false);
    expect(w.edit?.enabled).toBe(true);
    expect(w.remove?.enabled).toBe(true);
  });

  it('turns each action into the dialog request it opens', () => {
    const row = { entry: entry({ id: 'windows.conf' }), name: 'Windows Boot Manager' };
    expect(entryRequest('set-default', row)).toEqual({ kind: 'change', change: { action: 'set-default', id: 'windows.conf' }, subject: 'Windows Boot Manager' });
    expect(entryRequest('set-oneshot', row)).toEqual({ kind: 'change', change: { action: 'set-oneshot', id: 'windows.conf' }, subject: 'Windows Boot Manager' });
    expect(entryRequest('edit', row)).toEqual({ kind: 'edit', id: 'windows.conf', subject: 'Windows Boot Manager' });
    expect(entryRequest('remove', row)).toEqual({ kind: 'change', change: { action: 'remove-entry', id: 'windows.conf' }, subject: 'Windows Boot Manager' });
  });
});

describe('entryActions when the helper cannot run here', () => {
  it('disables every action that was possible with the reason, and keeps the other reasons', () => {
    const reason = 'pkexec is not installed, so Gentry cannot ask for the administrator password.';
    const actions = entryActions({ isDefault: true, isOneshot: false, managedByNixOS: true }, { default: null }, reason);
    expect(actions.map((a) => [a.id, a.enabled, a.reason === reason])).toEqual([['set-default', false, false], ['set-oneshot', false, true], ['edit', false, false], ['remove', false, false]]);
  });
});
