// The text forms of `gentry boot`: the menu in the firmware's order (GRUB's submenus indented), with
// markers and warnings; and the preview of a change.
import type { BootChangePreview, BootMenu } from '../../common/contract/index.ts';
import { splitMenuPath } from '../../common/grub-menu-path.ts';

const SOURCES = {
  'loader.conf': 'loader.conf',
  efi: 'the EFI variable',
  'grub.cfg': 'grub.cfg',
  grubenv: 'grubenv',
} as const;

/** Renders the boot menu. */
export function formatBootMenu(menu: BootMenu): string {
  const grub = menu.loader === 'grub';
  const lines = [`${menu.loader} on ${menu.esp ?? '(no ESP found)'}`];
  if (menu.timeout) {
    const from = menu.timeout.source === 'efi' ? 'the EFI variable LoaderConfigTimeout' : SOURCES[menu.timeout.source];
    const waits = menu.timeout.value === 'menu-force' || (grub && Number(menu.timeout.value) < 0) ? ', waits for a choice' : '';
    lines.push(`timeout ${menu.timeout.value} (from ${from}${waits})`);
  }
  if (menu.default) {
    const from = menu.default.source === 'efi' ? 'the EFI variable LoaderEntryDefault' : menu.default.source === 'grubenv' ? 'grubenv saved_entry' : SOURCES[menu.default.source];
    lines.push(`default ${menu.default.id} (from ${from})`);
  }
  if (menu.oneshot) lines.push(`next boot only: ${menu.oneshot.id} (${grub ? 'grubenv next_entry' : 'LoaderEntryOneShot'})`);
  if (menu.entries.length) lines.push('');
  let open: string[] = [];
  for (const e of menu.entries) {
    const mark = e.isOneshot ? '>' : e.isDefault ? '*' : ' ';
    const problems = (e.problems ?? []).map((p) => p.message.replace(/^It/, 'it').replace(/\.$/, '')).join('; ');
    const what = `${e.generation !== null ? `${e.profile} ${e.generation}${e.specialisation ? ` (${e.specialisation})` : ''}` : 'not managed by NixOS'}${problems ? `  will not boot: ${problems}` : ''}`;
    if (!grub) {
      lines.push(`${mark} ${e.id.padEnd(44)} ${what}`);
      continue;
    }
    // GRUB: a submenu's title once, its entries indented under it.
    const titles = splitMenuPath(e.id);
    const parents = titles.slice(0, -1);
    let same = 0;
    while (same < parents.length && same < open.length && parents[same] === open[same]) same++;
    for (let k = same; k < parents.length; k++) lines.push(`  ${'  '.repeat(k)}${parents[k]} >`);
    open = parents;
    const label = `${'  '.repeat(parents.length)}${titles.at(-1) ?? e.id}`;
    lines.push(`${mark} ${label.padEnd(60)} ${what}`);
  }
  if (menu.entries.length) lines.push('', `* default   > next boot only${grub ? '   (an entry in a submenu has the ID "Submenu title>Entry title"; --json lists them)' : ''}`);
  for (const w of menu.warnings) lines.push(`! ${w}`);
  return lines.join('\n');
}

/** Renders the preview of a boot change. */
export function formatBootPreview(p: BootChangePreview): string {
  const show = (v: string | null) => (v === null ? '(not set)' : v.includes('\n') ? `\n${v.replace(/\n$/, '')}\n` : v);
  const lines = [p.summary, `  ${p.target}: ${show(p.before)} → ${show(p.after)}`];
  for (const w of p.warnings) lines.push(`! ${w}`);
  if (p.declarative) {
    lines.push(p.undoneByRebuild ? 'The next nixos-rebuild undoes this; to keep it, put this in your configuration:' : 'In your configuration:', `  ${p.declarative.replace(/\n/g, '\n  ')}`);
  } else if (p.undoneByRebuild) lines.push('The next nixos-rebuild undoes this.');
  return lines.join('\n');
}
