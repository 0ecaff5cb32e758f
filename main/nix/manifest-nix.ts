// Reads the element names out of a nix-env `manifest.nix` (a printed Nix list of attribute sets)
// without evaluating it: a small scanner that tracks nesting and strings.

/** The `name` attribute of each top-level element of a printed manifest.nix, in order. */
export function manifestNixNames(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === '"') {
      i = skipString(text, i);
      continue;
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '[' || c === '{' || c === '(') depth++;
    else if (c === ']' || c === '}' || c === ')') depth--;
    else if (depth === 2 && /[A-Za-z_]/.test(c) && !/[A-Za-z0-9_'-]/.test(text[i - 1] ?? ' ')) {
      const m = /^name\s*=\s*"/.exec(text.slice(i, i + 64));
      if (m) {
        const start = i + m[0].length - 1;
        const end = skipString(text, start);
        names.push(unescape(text.slice(start + 1, end - 1)));
        i = end;
        continue;
      }
    }
    i++;
  }
  return names;
}

/** Index just past the double-quoted string that starts at `start`. */
function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '"') return i + 1;
    else i++;
  }
  return text.length;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, ch: string) => (ch === 'n' ? '\n' : ch === 't' ? '\t' : ch));
}
