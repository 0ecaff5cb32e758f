import { describe, it, expect } from 'vitest';
import { bootConfirmLabel, bootDialogTitle, isDestructive, loaderLine, placesLooked, sourceExplanation, sourceWords, timeoutText } from './boot-wording.ts';

describe('boot wording', () => {
  it('names where a setting comes from and explains the EFI pin', () => {
    expect(sourceWords('efi')).toBe('EFI variable');
    expect(sourceWords('loader.conf')).toBe('loader.conf');
    expect(sourceExplanation('default', 'efi')).toMatch(/LoaderEntryDefault.*never touches EFI variables.*new generations will not become the default/);
    expect(sourceExplanation('timeout', 'efi')).toMatch(/LoaderConfigTimeout.*boot\.loader\.timeout/);
    expect(sourceExplanation('default', 'loader.conf')).toMatch(/NixOS rewrites on every switch/);
  });

  it('says timeouts the way systemd-boot behaves', () => {
    expect(timeoutText('5')).toBe('5 s');
    expect(timeoutText('0')).toBe('0 s (menu hidden)');
    expect(timeoutText('menu-force')).toBe('always shown');
    expect(timeoutText(null)).toBe('not set (menu hidden)');
  });

  it('titles and confirm labels name the change and the entry', () => {
    const change = { action: 'set-oneshot' as const, id: 'nixos-generation-7.conf' };
    expect(bootDialogTitle({ kind: 'change', change, subject: 'NixOS, generation 7' })).toBe('Boot NixOS, generation 7 once, next time');
    expect(bootDialogTitle({ kind: 'change', change, subject: null })).toBe('Boot nixos-generation-7.conf once, next time');
    expect(bootDialogTitle({ kind: 'edit', id: 'windows.conf', subject: null })).toBe('Edit windows.conf');
    expect(bootConfirmLabel({ action: 'set-timeout', timeout: 3 })).toBe('Set timeout to 3 s');
    expect(bootConfirmLabel({ action: 'set-timeout', timeout: 'menu-force' })).toBe('Set timeout to always show');
    expect(bootConfirmLabel({ action: 'clear-default' })).toBe('Clear pinned default');
    expect(isDestructive({ action: 'remove-entry', id: 'memtest86.conf' })).toBe(true);
    expect(isDestructive({ action: 'set-default', id: 'memtest86.conf' })).toBe(false);
  });

  it('says where Gentry looked for a boot loader', () => {
    expect(placesLooked(null)).toEqual(['/boot', '/efi', '/boot/efi']);
    expect(placesLooked('/mnt/esp')).toEqual(['/mnt/esp']);
    expect(loaderLine({ loader: 'systemd-boot', esp: '/boot' })).toBe('systemd-boot on /boot');
    expect(loaderLine({ loader: 'none', esp: null })).toBe('No boot loader');
  });
});
