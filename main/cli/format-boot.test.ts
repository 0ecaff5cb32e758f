import { describe, expect, it } from 'vitest';
import type { BootEntry, BootMenu } from '../../common/contract/index.ts';
import { formatBootMenu, formatBootPreview } from './format-boot.ts';

const entry = (id: string, more: Partial<BootEntry>): BootEntry => ({
  id,
  title: id.split('>').at(-1) ?? id,
  version: null,
  profile: 'system',
  generation: 1,
  specialisation: null,
  managedByNixOS: true,
  isDefault: false,
  isOneshot: false,
  sortKey: null,
  linux: null,
  initrd: null,
  options: null,
  ...more,
});

describe('the text of gentry boot', () => {
  it('indents GRUB submenus under their titles and names where the settings come from', () => {
    const menu: BootMenu = {
      loader: 'grub',
      esp: '/boot',
      timeout: { value: '-1', source: 'grub.cfg' },
      default: { id: 'S>C 2', source: 'grubenv' },
      oneshot: { id: 'S>G>C 3 - Default' },
      entries: [
        entry('NixOS - Default', { generation: 3 }),
        entry('S>G>C 3 - Default', { generation: 3, isOneshot: true }),
        entry('S>G>C 3 - (gaming)', { generation: 3, specialisation: 'gaming' }),
        entry('S>C 2', { generation: 2, isDefault: true }),
        entry('Windows', { profile: null, generation: null, managedByNixOS: false }),
      ],
      warnings: ['careful'],
    };
    const lines = formatBootMenu(menu).split('\n');
    expect(lines.slice(0, 4)).toEqual(['grub on /boot', 'timeout -1 (from grub.cfg, waits for a choice)', 'default S>C 2 (from grubenv saved_entry)', 'next boot only: S>G>C 3 - Default (grubenv next_entry)']);
    expect(lines.slice(5, 12).map((l) => l.trimEnd())).toEqual([
      `  ${'NixOS - Default'.padEnd(60)} system 3`,
      '  S >',
      '    G >',
      `> ${'    C 3 - Default'.padEnd(60)} system 3`,
      `  ${'    C 3 - (gaming)'.padEnd(60)} system 3 (gaming)`,
      `* ${'  C 2'.padEnd(60)} system 2`,
      `  ${'Windows'.padEnd(60)} not managed by NixOS`,
    ]);
    expect(lines.at(-1)).toBe('! careful');
  });

  it('shows a preview with before → after, warnings, and the line a rebuild would otherwise undo', () => {
    const text = formatBootPreview({ summary: 'Show the menu for 3 seconds.', target: '/boot/loader/loader.conf', before: null, after: '3', undoneByRebuild: true, declarative: 'boot.loader.timeout = 3;', warnings: ['w'] });
    expect(text).toBe('Show the menu for 3 seconds.\n  /boot/loader/loader.conf: (not set) → 3\n! w\nThe next nixos-rebuild undoes this; to keep it, put this in your configuration:\n  boot.loader.timeout = 3;');
    expect(formatBootPreview({ summary: 's', target: 't', before: 'a', after: null, undoneByRebuild: false, declarative: 'boot.loader.grub.default = "saved";', warnings: [] })).toBe('s\n  t: a → (not set)\nIn your configuration:\n  boot.loader.grub.default = "saved";');
  });
});
