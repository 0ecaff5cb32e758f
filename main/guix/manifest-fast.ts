// The common case of a manifest read fast: a version-4 manifest exactly as Guix writes it (plain strings, no
// properties, the three known fields) scanned straight into entries, without the generic s-expression tree. Anything
// else — an escape in a string, properties, an unknown field, another version, a malformed file — answers null, and
// the caller reads the file with the strict reader (sexp.ts + manifest.ts), which gives the same entries or the error.
import type { GuixManifest, GuixManifestEntry, GuixSearchPath } from './manifest.ts';

class Bail {}
const BAIL = new Bail();
/** The characters that end a bare token (blanks, parentheses, quotes, and the rest the strict reader treats apart). */
const DELIMITER: boolean[] = [];
for (const ch of ' \t\n\v\f\r()";\'`,|\\[]{}') DELIMITER[ch.charCodeAt(0)] = true;
const SYMBOL = /^[a-z][a-z0-9-]*$/;
const MAX_DEPTH = 100;
const MAX_STRING = 1024 * 1024;

/** The manifest in `text`, or null when it is not the plain version-4 form (then read it with manifestFromSexp). */
export function fastManifest(text: string): GuixManifest | null {
  let pos = 0;
  const n = text.length;
  const blank = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || (c >= 9 && c <= 13)) pos++; // space, \t \n \v \f \r
      else if (c === 59) {
        const nl = text.indexOf('\n', pos);
        pos = nl < 0 ? n : nl + 1;
      } else return;
    }
  };
  const open = () => {
    blank();
    if (text.charCodeAt(pos) !== 40) throw BAIL;
    pos++;
  };
  const close = () => {
    blank();
    if (text.charCodeAt(pos) !== 41) throw BAIL;
    pos++;
  };
  const atClose = () => {
    blank();
    if (text.charCodeAt(pos) !== 41) return false;
    pos++;
    return true;
  };
  const str = (): string => {
    blank();
    if (text.charCodeAt(pos) !== 34) throw BAIL;
    const end = text.indexOf('"', pos + 1);
    if (end < 0 || end - pos - 1 > MAX_STRING) throw BAIL;
    const value = text.slice(pos + 1, end);
    if (value.includes('\\')) throw BAIL; // an escape: the strict reader reads it
    pos = end + 1;
    return value;
  };
  /** A bare token (a symbol, a number, #f) up to the next delimiter. */
  const token = (): string => {
    blank();
    const start = pos;
    while (pos < n && !DELIMITER[text.charCodeAt(pos)]) pos++;
    if (pos === start) throw BAIL;
    const t = text.slice(start, pos);
    if (t.charCodeAt(0) === 35 && t !== '#f') throw BAIL;
    return t;
  };
  const strOrFalse = (): string | null => {
    blank();
    if (text.charCodeAt(pos) === 34) return str();
    if (token() === '#f') return null;
    throw BAIL;
  };
  const searchPath = (): GuixSearchPath => {
    open();
    const variable = str();
    open();
    const files: string[] = [];
    while (!atClose()) files.push(str());
    const separator = strOrFalse();
    const fileType = token();
    if (!SYMBOL.test(fileType)) throw BAIL;
    const filePattern = strOrFalse();
    close();
    return { variable, files, separator, fileType, filePattern };
  };
  const visited = new Map<string, GuixManifestEntry>();
  const entry = (depth: number): GuixManifestEntry => {
    if (depth > MAX_DEPTH) throw BAIL;
    open();
    blank();
    if (text.startsWith('repeated', pos)) {
      if (token() !== 'repeated') throw BAIL;
      const k = `${str()}\u0000${str()}\u0000${str()}`;
      close();
      const seen = visited.get(k);
      if (seen === undefined) throw BAIL;
      return { ...seen, repeated: true };
    }
    const name = str();
    const version = str();
    const output = str();
    const item = str();
    let dependencies: GuixManifestEntry[] | undefined;
    let searchPaths: GuixSearchPath[] | undefined;
    let properties = false;
    while (!atClose()) {
      open();
      const field = token();
      if (field === 'propagated-inputs' && dependencies === undefined) {
        dependencies = [];
        open();
        while (!atClose()) dependencies.push(entry(depth + 1));
      } else if (field === 'search-paths' && searchPaths === undefined) {
        searchPaths = [];
        open();
        while (!atClose()) searchPaths.push(searchPath());
      } else if (field === 'properties' && !properties) {
        properties = true;
        open();
        close(); // only the empty alist; anything else is read by the strict reader
      } else throw BAIL;
      close();
    }
    const e: GuixManifestEntry = { name, version, output, item, dependencies: dependencies ?? [], searchPaths: searchPaths ?? [], properties: '()' };
    visited.set(`${name}\u0000${version}\u0000${item}`, e);
    return e;
  };
  try {
    open();
    if (token() !== 'manifest') throw BAIL;
    open();
    if (token() !== 'version' || token() !== '4') throw BAIL;
    close();
    open();
    if (token() !== 'packages') throw BAIL;
    open();
    const entries: GuixManifestEntry[] = [];
    while (!atClose()) entries.push(entry(0));
    close();
    close();
    blank();
    return pos === text.length ? { version: 4, entries } : null;
  } catch (err) {
    if (err === BAIL) return null;
    throw err;
  }
}
