// Prints values the way Nix prints them into manifest.nix: one line, attribute names sorted.

/** A value that can be printed as a Nix expression. */
export type NixValue = string | number | boolean | null | NixValue[] | { [name: string]: NixValue };

function quote(text: string): string {
  return `"${text.replace(/[\\"\n\r\t]|\$\{/g, (match) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[match] ?? '\\${')}"`;
}

function attrName(name: string): string {
  return /^[a-zA-Z_][a-zA-Z0-9_'-]*$/.test(name) ? name : quote(name);
}

/** The Nix text of `value`, e.g. `[ { name = "hello-2.12.1"; } ]`. */
export function nixValueText(value: NixValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '[ ]' : `[ ${value.map(nixValueText).join(' ')} ]`;
  const names = Object.keys(value).sort();
  if (names.length === 0) return '{ }';
  return `{ ${names.map((name) => `${attrName(name)} = ${nixValueText(value[name] as NixValue)};`).join(' ')} }`;
}
