// GRUB's menu paths, as boot entry IDs name entries inside submenus: `Submenu>Entry`, with `>` in a
// title doubled.

/** Escapes a title for a menu path: `>` becomes `>>` (GRUB's own rule for `chosen` and `default`). */
export function escapeTitle(title: string): string {
  return title.replace(/>/g, '>>');
}

/** Splits a menu path at single `>` (a doubled `>>` is a literal `>`). */
export function splitMenuPath(path: string): string[] {
  const parts: string[] = [];
  let part = '';
  for (let k = 0; k < path.length; k++) {
    const ch = path[k] as string;
    if (ch === '>' && path[k + 1] === '>') {
      part += '>';
      k++;
    } else if (ch === '>') {
      parts.push(part);
      part = '';
    } else part += ch;
  }
  parts.push(part);
  return parts;
}
