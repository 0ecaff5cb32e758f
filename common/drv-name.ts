// Nix's DrvName rule (src/libstore/names.cc): the name ends at the first '-' not followed by a letter.

/** A package name split into name and version the way `builtins.parseDrvName` splits it. */
export interface DrvName {
  name: string;
  version: string;
}

/** Splits `s` into name and version: the name ends at the first `-` whose next character is not a letter. */
export function parseDrvName(s: string): DrvName {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '-' && i + 1 < s.length && !/[A-Za-z]/.test(s[i + 1] as string)) {
      return { name: s.slice(0, i), version: s.slice(i + 1) };
    }
  }
  return { name: s, version: '' };
}
