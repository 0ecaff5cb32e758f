// main/boot/: the boot menu: systemd-boot and GRUB read from the ESP, previews of changes, and the boot handlers.
import { describe, expect, it } from 'vitest';
import type { BootEntry, BootMenu } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { type BootFacts, helperArgs, previewChange } from './boot-change.ts';

const entry = (id: string, more: Partial<BootEntry> = {}): BootEntry => ({
  id,
  title: 'NixOS',
  version: null,
  profile: 'system',
  generation: 12,
  specialisation: null,
  managedByNixOS: true,
  isDefault: false,
  isOneshot: false,
  sortKey: 'nixos',
  linux: null,
  initrd: null,
  options: null,
  ...more,
});

function facts(loader: BootMenu['loader'], over: Partial<BootFacts> = {}): BootFacts {
  const entries =
    loader === 'grub'
      ? [entry('NixOS - Default', { title: 'NixOS - Default', generation: 14, isDefault: true }), entry('NixOS - All configurations>NixOS - Configuration 12 (2026-11-19 - 26.05)', { title: 'NixOS - Configuration 12 (2026-11-19 - 26.05)' })]
      : [entry('nixos-generation-14.conf', { generation: 14, isDefault: true }), entry('nixos-generation-12.conf'), entry('memtest86.conf', { title: 'MemTest86', profile: null, generation: null, managedByNixOS: false })];
  return {
    menu: { loader, esp: '/boot', timeout: null, default: null, oneshot: null, entries, warnings: [] },
    loaderConf: { default: 'nixos-generation-14.conf', timeout: '5' },
    efi: { default: null, oneshot: null, timeout: null },
    grub: { cfgDefault: '0', saves: false, honoursNextEntry: true, savedEntry: null, nextEntry: null },
    entryFile: null,
    ...over,
  };
}

/** The GentryError a preview throws (fails the test when it does not throw one). */
function refusal(run: () => unknown): GentryError {
  try {
    run();
  } catch (err) {
    if (err instanceof GentryError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('systemd-boot previews', () => {
  it('set-default pins the default in LoaderEntryDefault and says how to clear the pin', () => {
    const p = previewChange({ action: 'set-default', id: 'nixos-generation-12.conf' }, facts('systemd-boot'));
    expect(p).toMatchObject({ target: 'EFI variable LoaderEntryDefault', before: null, after: 'nixos-generation-12.conf', undoneByRebuild: false, declarative: null });
    expect(p.summary).toContain('generation 12 of system');
    expect(p.warnings[0]).toMatch(/pins the default.*later generations will not become the default.*Clear pinned default.*bootctl set-default ""/);
  });

  it('clear-default lets loader.conf decide again; clearing nothing says so', () => {
    const p = previewChange({ action: 'clear-default' }, facts('systemd-boot', { efi: { default: 'nixos-generation-12.conf', oneshot: null, timeout: null } }));
    expect(p).toMatchObject({ before: 'nixos-generation-12.conf', after: null, warnings: [] });
    expect(p.summary).toContain("loader.conf's default (nixos-generation-14.conf");
    expect(previewChange({ action: 'clear-default' }, facts('systemd-boot')).warnings).toEqual(['LoaderEntryDefault is not set; nothing changes.']);
  });

  it('set-oneshot writes LoaderEntryOneShot for one boot', () => {
    const p = previewChange({ action: 'set-oneshot', id: 'memtest86.conf' }, facts('systemd-boot'));
    expect(p).toMatchObject({ target: 'EFI variable LoaderEntryOneShot', after: 'memtest86.conf', undoneByRebuild: false });
    expect(p.summary).toContain('“MemTest86”');
  });

  it('set-timeout edits loader.conf, which the next rebuild writes again', () => {
    expect(previewChange({ action: 'set-timeout', timeout: 3 }, facts('systemd-boot'))).toMatchObject({ target: '/boot/loader/loader.conf', before: '5', after: '3', undoneByRebuild: true, declarative: 'boot.loader.timeout = 3;' });
    expect(previewChange({ action: 'set-timeout', timeout: 'menu-force' }, facts('systemd-boot'))).toMatchObject({ after: 'menu-force', declarative: 'boot.loader.timeout = null;' });
    const hidden = previewChange({ action: 'set-timeout', timeout: 0 }, facts('systemd-boot', { efi: { default: null, oneshot: null, timeout: '10' } }));
    expect(hidden.warnings.join('\n')).toMatch(/LoaderConfigTimeout \(10.*overrides loader\.conf[\s\S]*timeout 0/);
  });

  it('refuses unknown IDs, with the entry the person probably meant', () => {
    const e = refusal(() => previewChange({ action: 'set-default', id: 'nixos-generation-99.conf' }, facts('systemd-boot')));
    expect([e.code, e.message]).toEqual(['bad-input', 'No boot entry has the ID "nixos-generation-99.conf".']);
    expect(e.hint).toMatch(/gentry boot list/);
    const grub = refusal(() => previewChange({ action: 'set-oneshot', id: 'NixOS - Configuration 12 (2026-11-19 - 26.05)' }, facts('grub')));
    expect(grub.hint).toContain('Did you mean "NixOS - All configurations>NixOS - Configuration 12 (2026-11-19 - 26.05)"?');
  });

  it("writes and removes only entries NixOS does not own, and knows extraEntries come back", () => {
    expect(refusal(() => previewChange({ action: 'write-entry', id: 'nixos-generation-12.conf', text: 'title x\n' }, facts('systemd-boot'))).message).toMatch(/NixOS's own entry/);
    expect(refusal(() => previewChange({ action: 'remove-entry', id: 'NixOS-custom.conf' }, facts('systemd-boot'))).code).toBe('bad-input');
    expect(refusal(() => previewChange({ action: 'write-entry', id: 'memtest86', text: 'title x\n' }, facts('systemd-boot'))).message).toMatch(/does not end in \.conf/);
    const text = 'title MemTest86+\nefi /EFI/memtest86/memtest.efi\n';
    const w = previewChange({ action: 'write-entry', id: 'memtest86.conf', text }, facts('systemd-boot', { entryFile: { text: 'title MemTest86\n', extra: true, missingFiles: ['/EFI/memtest86/memtest.efi'] } }));
    expect(w).toMatchObject({ summary: 'Replace the boot entry memtest86.conf with the text below.', target: '/boot/loader/entries/memtest86.conf', before: 'title MemTest86\n', after: text, undoneByRebuild: true });
    expect(w.declarative).toBe('boot.loader.systemd-boot.extraEntries."memtest86.conf" = \'\'\n  title MemTest86+\n  efi /EFI/memtest86/memtest.efi\n\'\';');
    expect(w.warnings.join('\n')).toMatch(/extraEntries and writes it again[\s\S]*memtest\.efi is not on the ESP/);
    expect(refusal(() => previewChange({ action: 'write-entry', id: 'x.conf', text: 'sort-key x\n' }, facts('systemd-boot'))).message).toMatch(/needs a linux, efi or uki line/);
    expect(refusal(() => previewChange({ action: 'write-entry', id: 'x.conf', text: 'efi /a.efi\nTitle X\n' }, facts('systemd-boot'))).message).toMatch(/line 2 is not a comment or "key value"/);
    expect(refusal(() => previewChange({ action: 'write-entry', id: 'x.conf', text: 'efi /a.efi\u0007\n' }, facts('systemd-boot'))).message).toMatch(/U\+0007/);
    expect(previewChange({ action: 'write-entry', id: 'x.conf', text: '# mine\r\n\tefi  /a.efi \r\n\n' }, facts('systemd-boot')).warnings).toEqual(['The entry has no title line; the menu shows its file name.']);
    expect(refusal(() => previewChange({ action: 'remove-entry', id: 'gone.conf' }, facts('systemd-boot', { entryFile: { text: null, extra: false, missingFiles: [] } }))).message).toMatch(/no entry file gone\.conf/);
    expect(previewChange({ action: 'remove-entry', id: 'memtest86.conf' }, facts('systemd-boot', { entryFile: { text: 'title M\n', extra: false, missingFiles: [] } }))).toMatchObject({ before: 'title M\n', after: null, undoneByRebuild: false });
  });
});

describe('GRUB previews', () => {
  const id = 'NixOS - All configurations>NixOS - Configuration 12 (2026-11-19 - 26.05)';

  it('set-default writes saved_entry, and says it does nothing until default is "saved"', () => {
    const p = previewChange({ action: 'set-default', id }, facts('grub'));
    expect(p).toMatchObject({ target: '/boot/grub/grubenv saved_entry', before: null, after: id, undoneByRebuild: false, declarative: 'boot.loader.grub.default = "saved";' });
    expect(p.warnings.join('\n')).toMatch(/`set default=0`, so GRUB ignores saved_entry[\s\S]*generation 12 by its menu title[\s\S]*keeps grubenv/);
    const saved = previewChange({ action: 'set-default', id: 'NixOS - Default' }, facts('grub', { grub: { cfgDefault: '${saved_entry}', saves: true, honoursNextEntry: true, savedEntry: id, nextEntry: null } }));
    expect(saved).toMatchObject({ before: id, after: 'NixOS - Default', declarative: null });
    expect(saved.warnings.join('\n')).toMatch(/savedefault/);
    expect(saved.warnings.join('\n')).not.toMatch(/ignores saved_entry|by its menu title/);
  });

  it('set-oneshot writes next_entry; clear-oneshot removes it', () => {
    expect(previewChange({ action: 'set-oneshot', id }, facts('grub'))).toMatchObject({ target: '/boot/grub/grubenv next_entry', after: id, warnings: [] });
    expect(previewChange({ action: 'clear-oneshot' }, facts('grub', { grub: { cfgDefault: '0', saves: false, honoursNextEntry: true, savedEntry: null, nextEntry: id } }))).toMatchObject({ before: id, after: null, warnings: [] });
  });

  it('refuses the timeout and entry files, which live in grub.cfg', () => {
    const t = refusal(() => previewChange({ action: 'set-timeout', timeout: 'menu-force' }, facts('grub')));
    expect([t.code, t.hint]).toEqual(['bad-input', 'Set `boot.loader.timeout = null;` in your configuration and rebuild.']);
    expect(refusal(() => previewChange({ action: 'write-entry', id: 'x.conf', text: 't\n' }, facts('grub'))).hint).toMatch(/extraEntries/);
    expect(refusal(() => previewChange({ action: 'remove-entry', id: 'x.conf' }, facts('grub'))).code).toBe('bad-input');
  });

  it('refuses everything when there is no boot loader', () => {
    expect(refusal(() => previewChange({ action: 'clear-default' }, facts('none'))).code).toBe('unavailable');
  });
});

describe('helper arguments', () => {
  it('maps each change to one boot verb, the entry text on standard input', () => {
    expect(helperArgs({ action: 'set-default', id: 'a.conf' })).toEqual({ args: ['boot', 'set-default', 'a.conf'] });
    expect(helperArgs({ action: 'clear-oneshot' })).toEqual({ args: ['boot', 'clear-oneshot'] });
    expect(helperArgs({ action: 'set-timeout', timeout: 0 })).toEqual({ args: ['boot', 'set-timeout', '0'] });
    expect(helperArgs({ action: 'set-timeout', timeout: 'menu-force' })).toEqual({ args: ['boot', 'set-timeout', 'menu-force'] });
    expect(helperArgs({ action: 'write-entry', id: 'a.conf', text: 'title A\n' })).toEqual({ args: ['boot-entry', 'write', 'a.conf'], stdin: 'title A\n' });
    expect(helperArgs({ action: 'remove-entry', id: 'a.conf' })).toEqual({ args: ['boot-entry', 'remove', 'a.conf'] });
  });

  it('entry files get their own verb (so their own polkit action); the small edits keep boot', () => {
    const changes = [
      { action: 'set-default', id: 'a.conf' },
      { action: 'set-oneshot', id: 'a.conf' },
      { action: 'clear-default' },
      { action: 'clear-oneshot' },
      { action: 'set-timeout', timeout: 3 },
      { action: 'write-entry', id: 'a.conf', text: 'efi /a.efi\n' },
      { action: 'remove-entry', id: 'a.conf' },
    ] as const;
    expect(changes.map((c) => helperArgs(c).args[0])).toEqual(['boot', 'boot', 'boot', 'boot', 'boot', 'boot-entry', 'boot-entry']);
  });
});

describe('entry IDs', () => {
  it('refuses look-alikes in entry file names, naming the code point, before any password', () => {
    for (const [id, says] of [
      ['nixos\u2010generation-31.conf', /U\+2010 \(\u2010\), which only looks like an ASCII character/],
      ['memtest\t86.conf', /U\+0009/],
      ['evil\u202efnoc.conf', /U\+202E/],
      ['ａ.conf', /U\+FF41/],
      ['a b.conf', /U\+0020/],
      ['.hidden.conf', /never starts with "\."/],
    ] as const) {
      for (const change of [{ action: 'write-entry', id, text: 'efi /a.efi\n' }, { action: 'remove-entry', id }] as const) {
        const e = refusal(() => previewChange(change, facts('systemd-boot', { entryFile: { text: 'efi /a.efi\n', extra: false, missingFiles: [] } })));
        expect(e.code).toBe('bad-input');
        expect(e.message).toMatch(says);
      }
    }
    expect(previewChange({ action: 'write-entry', id: 'rescue_2+x-y.conf', text: 'efi /a.efi\n' }, facts('systemd-boot')).target).toBe('/boot/loader/entries/rescue_2+x-y.conf');
  });

  it('refuses control and invisible characters in the IDs of set-default and set-oneshot', () => {
    expect(refusal(() => previewChange({ action: 'set-default', id: 'a\tb.conf' }, facts('systemd-boot'))).message).toMatch(/U\+0009/);
    expect(refusal(() => previewChange({ action: 'set-oneshot', id: 'NixOS\u202e - x' }, facts('grub'))).message).toMatch(/U\+202E/);
  });
});

describe('entry write previews', () => {
  it('carry the whole text and name an init= override', () => {
    const text = '# a rescue shell\ntitle Rescue\nlinux /EFI/nixos/kernel.efi\ninitrd /EFI/nixos/initrd.efi\noptions root=/dev/sda2 init=/nix/store/0123456789abcdfghijklmnpqrsvwxyz-evil/bin/sh quiet\n';
    const p = previewChange({ action: 'write-entry', id: 'rescue.conf', text }, facts('systemd-boot'));
    expect(p.after).toBe(text);
    expect(p.summary).toBe('Add the boot entry rescue.conf with the text below.');
    expect(p.warnings).toContain('Its kernel command line sets init=/nix/store/0123456789abcdfghijklmnpqrsvwxyz-evil/bin/sh: that program runs as PID 1 (as root) when this entry boots.');
  });
});
