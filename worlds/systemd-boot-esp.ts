// The ESP as NixOS's systemd-boot builder leaves it: loader.conf, one entry per generation and
// specialisation, kernel and initrd copies under EFI/nixos, plus entries NixOS does not manage.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BootspecDocument } from './bootspec.ts';
import type { BuiltSystem } from './nixos-system.ts';

/** One generation that gets boot entries. */
export interface BootGeneration {
  /** null for the `system` profile, else the system-profiles/<name> name. */
  profile: string | null;
  number: number;
  date: Date;
  system: BuiltSystem;
}

/** The file name NixOS gives an entry (generation_conf_filename). */
function entryFileName(profile: string | null, number: number, specialisation: string | null): string {
  const pieces = ['nixos', profile, 'generation', String(number), specialisation ? `specialisation-${specialisation}` : null];
  return `${pieces.filter((piece) => piece).join('-')}.conf`;
}

/** Where a store file is copied on the ESP: /EFI/nixos/<store dir name>-<file name>.efi. */
function efiCopyPath(storeFile: string): string {
  return `/EFI/nixos/${basename(dirname(storeFile))}-${basename(storeFile)}.efi`;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function entryText(generation: BootGeneration, document: BootspecDocument, specialisation: string | null, machineId: string): string {
  const boot = document['org.nixos.bootspec.v1'];
  const title = `NixOS${generation.profile ? ` [${generation.profile}]` : ''}${specialisation ? ` (${specialisation})` : ''}`;
  const builtOn = generation.date.toISOString().slice(0, 10);
  return [
    `title ${title}`,
    `sort-key ${document['org.nixos.systemd-boot'].sortKey}`,
    `version Generation ${generation.number} ${boot.label}, built on ${builtOn}`,
    `linux ${efiCopyPath(boot.kernel)}`,
    `initrd ${efiCopyPath(boot.initrd)}`,
    `options init=${boot.init} ${boot.kernelParams.join(' ')}`,
    `machine-id ${machineId}`,
    '',
  ].join('\n');
}

/** Writes the whole ESP under `esp`; `current` is the system generation loader.conf names as default. */
export function writeEsp(esp: string, generations: BootGeneration[], current: number, machineId: string): void {
  const copies = new Set<string>();
  for (const generation of generations) {
    const document = generation.system.bootspec;
    if (!document) continue;
    const entries: [string | null, BootspecDocument][] = [[null, document], ...Object.entries(document['org.nixos.specialisation.v1'])];
    for (const [specialisation, doc] of entries) {
      write(join(esp, 'loader/entries', entryFileName(generation.profile, generation.number, specialisation)), entryText(generation, doc, specialisation, machineId));
      const boot = doc['org.nixos.bootspec.v1'];
      copies.add(boot.kernel);
      copies.add(boot.initrd);
    }
  }
  for (const storeFile of copies) write(join(esp, efiCopyPath(storeFile)), `copy of ${storeFile}\n`);
  write(join(esp, 'loader/loader.conf'), `timeout 5\ndefault ${entryFileName(null, current, null)}\nconsole-mode keep\n`);
  write(join(esp, 'loader/entries.srel'), 'type1\n');
  write(join(esp, 'EFI/systemd/systemd-bootx64.efi'), 'systemd-boot 257.5\n');
  write(join(esp, 'EFI/BOOT/BOOTX64.EFI'), 'systemd-boot 257.5\n');
  // Entries NixOS does not manage: a firmware tool and another operating system.
  write(join(esp, 'loader/entries/memtest86.conf'), 'title MemTest86\nefi /EFI/memtest86/memtest.efi\nsort-key z_memtest86\n');
  write(join(esp, 'EFI/memtest86/memtest.efi'), 'memtest86+ 7.20\n');
  write(join(esp, 'loader/entries/windows.conf'), 'title Windows Boot Manager\nefi /EFI/Microsoft/Boot/bootmgfw.efi\nsort-key windows\n');
  write(join(esp, 'EFI/Microsoft/Boot/bootmgfw.efi'), 'Windows Boot Manager\n');
}
