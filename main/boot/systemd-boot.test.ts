import { describe, expect, it } from 'vitest';
import { compareEntries, type EntryFile, nixosEntryName, parseKeyValues } from './systemd-boot.ts';

const entry = (id: string, text: string): EntryFile => ({ id, keys: parseKeyValues(text) });

describe('systemd-boot entries', () => {
  it('parses key/value lines, keeping repeated keys and skipping comments', () => {
    const keys = parseKeyValues('# c\ntitle  NixOS \noptions a=1\noptions b=2\n\nversion Generation 3 x');
    expect(keys.get('title')).toEqual(['NixOS']);
    expect(keys.get('options')).toEqual(['a=1', 'b=2']);
    expect(keys.get('version')).toEqual(['Generation 3 x']);
  });
  it.each([
    ['nixos-generation-42.conf', { profile: 'system', generation: 42, specialisation: null }],
    ['nixos-generation-42-specialisation-gaming.conf', { profile: 'system', generation: 42, specialisation: 'gaming' }],
    ['nixos-work-generation-7.conf', { profile: 'work', generation: 7, specialisation: null }],
    ['nixos-generation-5+3-1.conf', { profile: 'system', generation: 5, specialisation: null }],
    ['windows.conf', null],
    ['nixos-generation-0.conf', null],
  ])('%s', (id, expected) => expect(nixosEntryName(id)).toEqual(expected));
  it('sorts by sort-key, then newest version first, entries without a sort-key last', () => {
    const list = [
      entry('memtest.conf', 'title Memtest'),
      entry('nixos-generation-9.conf', 'sort-key nixos\nversion Generation 9 NixOS'),
      entry('windows.conf', 'sort-key windows'),
      entry('nixos-generation-10.conf', 'sort-key nixos\nversion Generation 10 NixOS'),
      entry('nixos-generation-10-specialisation-gaming.conf', 'sort-key nixos\nversion Generation 10 NixOS'),
    ];
    expect(list.sort(compareEntries).map((e) => e.id)).toEqual(['nixos-generation-10.conf', 'nixos-generation-10-specialisation-gaming.conf', 'nixos-generation-9.conf', 'windows.conf', 'memtest.conf']);
  });
});
