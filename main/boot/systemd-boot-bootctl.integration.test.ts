// The systemd-boot reader held against systemd's own: `bootctl list --json=short` (systemd 252, Debian's
// systemd-boot package unpacked, never installed) on crafted ESPs, entry by entry and field by field.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BootctlEntry, bootctlList, ensureBootctl } from '../../test-support/bootctl.ts';
import { readBootMenu } from './boot-menu.ts';
import { type EntryFile, lastValue, readEntries } from './systemd-boot.ts';

/** The fields bootctl prints, from Gentry's reading of one entry file. */
function asBootctl(e: EntryFile): Omit<BootctlEntry, 'path' | 'showTitle'> {
  const one = (k: string) => lastValue(e.keys, k) ?? undefined;
  const list = (k: string) => e.keys.get(k);
  const fields: Omit<BootctlEntry, 'path' | 'showTitle'> = {
    id: e.id,
    title: one('title'),
    sortKey: one('sort-key'),
    version: one('version'),
    machineId: one('machine-id'),
    architecture: one('architecture'),
    options: list('options')?.join(' '),
    linux: one('linux'),
    efi: one('efi'),
    initrd: list('initrd'),
    devicetree: one('devicetree'),
    triesLeft: e.tries?.left,
    triesDone: e.tries?.done ?? undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<BootctlEntry, 'path' | 'showTitle'>;
}

const FIELDS = ['id', 'title', 'sortKey', 'version', 'machineId', 'architecture', 'options', 'linux', 'efi', 'initrd', 'devicetree', 'triesLeft', 'triesDone'] as const;

/** The ESPs: each a map of loader/entries file name -> text (null: a directory of that name). */
const ESPS: Record<string, Record<string, string | null>> = {
  'NixOS entries with boot counting': {
    'nixos-generation-30.conf': 'title NixOS\nversion Generation 30 NixOS Xantusia 25.05, Linux Kernel 6.12.1, Built on 2026-11-30\nsort-key nixos\nlinux /EFI/nixos/k30.efi\ninitrd /EFI/nixos/i30.efi\noptions init=/nix/store/x-nixos-system/init\noptions loglevel=4\nmachine-id 0123456789abcdef0123456789abcdef\n',
    'nixos-generation-29+3-1.conf': 'title NixOS\nversion Generation 29 NixOS\nsort-key nixos\nlinux /EFI/nixos/k29.efi\ninitrd /EFI/nixos/i29.efi\n',
    'nixos-generation-28+0-3.conf': 'title NixOS\nversion Generation 28 NixOS\nsort-key nixos\nlinux /EFI/nixos/k28.efi\n',
    'nixos-generation-27+2.conf': 'title NixOS\nversion Generation 27 NixOS\nsort-key nixos\nlinux /EFI/nixos/k27.efi\n',
    'nixos-generation-30-specialisation-gaming.conf': 'title NixOS (gaming)\nversion Generation 30 NixOS\nsort-key nixos\nlinux /EFI/nixos/k30.efi\n',
    'memtest86.conf': 'title MemTest86\nefi /efi/memtest86/memtest.efi\n',
    'windows.conf': 'title Windows\nefi /EFI/Microsoft/Boot/bootmgfw.efi\nsort-key windows\n',
  },
  'what the issue found': {
    'debian-6.1+3-1.conf': 'title Debian\nversion 6.1\nlinux /vmlinuz-6.1\ninitrd /initrd.img-6.1\n',
    'shout.CONF': 'title Shouting\nlinux /shout\n',
    'Mixed.Conf': 'title Mixed case\nlinux /mixed\n',
    'repeated.conf': 'title First\ntitle Last\nlinux /a\nlinux /b\nversion 1\nversion 2\nsort-key z\nsort-key a\nefi /e1\nefi /e2\ninitrd /i1\ninitrd /i2\ninitrd /i3\n',
    'empty-title.conf': 'title \nlinux /empty\n',
    'empty-title-tab.conf': 'title\t\nversion\nlinux /empty2\n',
    'dir.conf': null,
    '.hidden.conf': 'title Hidden\nlinux /hidden\n',
    'notes.txt': 'title Not an entry\n',
    'conf': 'title No dot\n',
  },
  'order and spelling': {
    'a.conf': 'title A\nsort-key same\nmachine-id bbbb\nversion 1.10\n',
    'b.conf': 'title B\nsort-key same\nmachine-id aaaa\nversion 1.9\n',
    'c.conf': 'title C\nsort-key same\nmachine-id aaaa\nversion 1.10\n',
    'd-2.conf': 'title\tTabbed\t\t\n   linux   /spaced   \n# a comment\n\n',
    'd-10.conf': 'title D10\n',
    'e+1-0.conf': 'title Counted, no sort-key\n',
    'f.conf': 'title F\narchitecture x64\ndevicetree /dtb1\ndevicetree /dtb2\noptions   a=1   b=2 \n',
  },
};

describe('the systemd-boot reader agrees with bootctl (systemd 252)', () => {
  let bootctl: string;
  const root = mkdtempSync(join(tmpdir(), 'gentry-bootctl-'));
  let compared = 0;
  beforeAll(() => {
    bootctl = ensureBootctl();
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    console.log(`systemd-boot reader against bootctl: ${compared} facts compared`);
  });

  for (const [name, files] of Object.entries(ESPS)) {
    it(`${name}: the same entries, in the same order, with the same fields`, async () => {
      const esp = join(root, name.replace(/\W+/g, '-'));
      mkdirSync(join(esp, 'loader/entries'), { recursive: true });
      writeFileSync(join(esp, 'loader/loader.conf'), 'timeout 3\n');
      for (const [file, text] of Object.entries(files)) {
        if (text === null) mkdirSync(join(esp, 'loader/entries', file));
        else writeFileSync(join(esp, 'loader/entries', file), text);
      }
      const theirs = bootctlList(bootctl, esp);
      const problems: string[] = [];
      const ours = await readEntries(esp, problems);
      expect(problems).toEqual([]);
      expect(ours.map((e) => e.id)).toEqual(theirs.map((e) => e.id));
      compared += theirs.length;
      theirs.forEach((t, i) => {
        const mine = asBootctl(ours[i] as EntryFile);
        for (const field of FIELDS) {
          expect.soft(mine[field], `${t.id}: ${field}`).toEqual(t[field]);
          compared += 1;
        }
      });
      // What the window and `gentry boot list` show: the menu built on the same reading.
      const menu = await readBootMenu({ esp, efivars: join(esp, 'no-efivars') }, { systemProfile: join(esp, 'no-profile'), homeProfiles: [], homeProfilesExplicit: false, userProfiles: [], bootedSystem: join(esp, 'no-booted'), nixDb: join(esp, 'no-db') } as never);
      expect(menu.entries.map((e) => [e.id, e.title, e.version, e.sortKey, e.options])).toEqual(theirs.map((t) => [t.id, t.title ?? null, t.version ?? null, t.sortKey ?? null, t.options ?? null]));
      compared += theirs.length * 5;
    });
  }
});
