// GRUB's environment block, `grub/grubenv` (nix-formats.md §4; GRUB's grub-core/lib/envblk.c): the
// signature line `# GRUB Environment Block`, then `name=value` lines, the rest of the 1024 bytes padded
// with `#`. In a value, `\` escapes the next character (GRUB writes `\\` and `\` + newline).

/** The first line of every environment block. */
export const GRUBENV_SIGNATURE = '# GRUB Environment Block\n';

/** The size grub-editenv gives a new block. */
export const GRUBENV_SIZE = 1024;

/** Reads the variables of an environment block (later lines win); throws when the signature is missing. */
export function parseGrubEnv(text: string): Map<string, string> {
  if (!text.startsWith(GRUBENV_SIGNATURE)) throw new Error('not a GRUB environment block (its first line is not "# GRUB Environment Block")');
  const vars = new Map<string, string>();
  let p = GRUBENV_SIGNATURE.length;
  while (p < text.length) {
    if (text[p] === '#' || text[p] === '\n') {
      // Padding or a comment line: skip to the next line.
      const nl = text.indexOf('\n', p);
      p = nl < 0 ? text.length : nl + 1;
      continue;
    }
    const eq = text.indexOf('=', p);
    if (eq < 0) break; // broken tail: GRUB stops here too
    const name = text.slice(p, eq);
    let value = '';
    let q = eq + 1;
    let ended = false;
    while (q < text.length) {
      const ch = text[q] as string;
      if (ch === '\n') {
        ended = true;
        break;
      }
      if (ch === '\\' && q + 1 < text.length) {
        value += text[q + 1];
        q += 2;
        continue;
      }
      value += ch;
      q += 1;
    }
    if (!ended) break; // a line without its newline is cut off, and GRUB ignores it
    if (!name.includes('\n')) vars.set(name, value);
    p = q + 1;
  }
  return vars;
}

/** Writes variables as an environment block of `size` bytes (GRUB's escapes, `#` padding); throws when they do not fit. */
export function encodeGrubEnv(vars: Iterable<[string, string]>, size = GRUBENV_SIZE): string {
  let body = GRUBENV_SIGNATURE;
  for (const [name, value] of vars) {
    if (!/^[^=\n#][^=\n]*$/.test(name)) throw new Error(`bad grubenv variable name ${JSON.stringify(name)}`);
    body += `${name}=${value.replace(/[\\\n]/g, (c) => `\\${c}`)}\n`;
  }
  const used = Buffer.byteLength(body, 'utf8');
  if (used > size) throw new Error(`the variables need ${used} bytes, more than the block's ${size}`);
  return body + '#'.repeat(size - used);
}
