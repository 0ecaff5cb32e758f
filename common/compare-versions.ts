// Nix's version ordering (src/libstore/names.cc, compareVersions), as `nix-env -u` and
// `nix store diff-closures` use it.

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Splits a version into Nix's components: runs of digits, or runs of other non-separator characters. */
export function versionComponents(v: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < v.length) {
    while (i < v.length && (v[i] === '.' || v[i] === '-')) i++;
    if (i >= v.length) break;
    const start = i;
    if (isDigit(v[i])) while (i < v.length && isDigit(v[i])) i++;
    else while (i < v.length && !isDigit(v[i]) && v[i] !== '.' && v[i] !== '-') i++;
    out.push(v.slice(start, i));
  }
  return out;
}

/** A component as Nix's string2Int<int> reads it: a number that fits in a 32-bit int, else null. */
function asInt(c: string): number | null {
  if (!/^[0-9]+$/.test(c)) return null;
  const n = Number(c);
  return n <= 2147483647 ? n : null;
}

/** Nix's componentsLT: numbers numerically, "" below a number, "pre" lowest, a string below a number, else bytes. */
function componentLess(c1: string, c2: string): boolean {
  const n1 = asInt(c1);
  const n2 = asInt(c2);
  if (n1 !== null && n2 !== null) return n1 < n2;
  if (c1 === '' && n2 !== null) return true;
  if (c1 === 'pre' && c2 !== 'pre') return true;
  if (c2 === 'pre') return false;
  if (n2 !== null) return true;
  if (n1 !== null) return false;
  return byteLess(c1, c2);
}

/** Nix compares the remaining strings as UTF-8 bytes; code-point order is the same order (UTF-16 code units are not). */
function byteLess(c1: string, c2: string): boolean {
  const a = [...c1];
  const b = [...c2];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]?.codePointAt(0) ?? 0;
    const y = b[i]?.codePointAt(0) ?? 0;
    if (x !== y) return x < y;
  }
  return a.length < b.length;
}

/** Compares two versions the way Nix does: negative, zero or positive. */
export function compareVersions(v1: string, v2: string): number {
  const a = versionComponents(v1);
  const b = versionComponents(v2);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c1 = a[i] ?? '';
    const c2 = b[i] ?? '';
    if (componentLess(c1, c2)) return -1;
    if (componentLess(c2, c1)) return 1;
  }
  return 0;
}
