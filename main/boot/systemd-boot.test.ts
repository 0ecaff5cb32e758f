import { describe, expect, it } from 'vitest';
import { compareEntries, type EntryFile, entryIdOfFile, lastValue, nixosEntryName, parseKeyValues } from './systemd-boot.ts';

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

describe('systemd-boot entry names and values, as systemd-boot reads them', () => {
  it.each([
    ['debian-6.1+3-1.conf', { id: 'debian-6.1.conf', tries: { left: 3, done: 1 } }],
    ['nixos-generation-27+2.conf', { id: 'nixos-generation-27.conf', tries: { left: 2, done: null } }],
    ['x+0-3.CONF', { id: 'x.CONF', tries: { left: 0, done: 3 } }],
    ['+3-1.conf', { id: '+3-1.conf', tries: null }],
    ['rescue_2+x-y.conf', { id: 'rescue_2+x-y.conf', tries: null }],
    ['windows.conf', { id: 'windows.conf', tries: null }],
  ])('%s', (file, expected) => expect(entryIdOfFile(file)).toEqual(expected));
  it('skips a key without a value and keeps the last of a single-valued key', () => {
    const keys = parseKeyValues('title \ntitle\t\ntitle First\ntitle Last\nversion\n');
    expect(keys.has('version')).toBe(false);
    expect(lastValue(keys, 'title')).toBe('Last');
  });
  it('puts an entry with no tries left after every other', () => {
    const spent: EntryFile = { ...entryIdOfFile('a+0.conf'), keys: parseKeyValues('sort-key a') };
    const plain: EntryFile = { id: 'z.conf', keys: new Map() };
    expect([spent, plain].sort(compareEntries).map((e) => e.id)).toEqual(['z.conf', 'a.conf']);
  });
});
