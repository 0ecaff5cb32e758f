// The text form of `gentry boot list`: the menu in the firmware's order, with markers and warnings.
import type { BootMenu } from '../../common/contract.ts';

/** Renders the boot menu. */
export function formatBootMenu(menu: BootMenu): string {
  const lines = [`${menu.loader} on ${menu.esp ?? '(no ESP found)'}`];
  if (menu.timeout) lines.push(`timeout ${menu.timeout.value} (from ${menu.timeout.source === 'efi' ? 'the EFI variable LoaderConfigTimeout' : 'loader.conf'})`);
  if (menu.default) lines.push(`default ${menu.default.id} (from ${menu.default.source === 'efi' ? 'the EFI variable LoaderEntryDefault' : 'loader.conf'})`);
  if (menu.oneshot) lines.push(`next boot only: ${menu.oneshot.id} (LoaderEntryOneShot)`);
  if (menu.entries.length) lines.push('');
  for (const e of menu.entries) {
    const mark = e.isOneshot ? '>' : e.isDefault ? '*' : ' ';
    const what = e.generation !== null ? `${e.profile} ${e.generation}${e.specialisation ? ` (${e.specialisation})` : ''}` : 'not managed by NixOS';
    lines.push(`${mark} ${e.id.padEnd(44)} ${what}`);
  }
  if (menu.entries.length) lines.push('', '* default   > next boot only');
  for (const w of menu.warnings) lines.push(`! ${w}`);
  return lines.join('\n');
}
