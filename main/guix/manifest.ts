// A Guix profile's `manifest` (versions 3 and 4) read as Guix's sexp->manifest reads it
// (guix/profiles.scm:537-665, shared/reference/guix-formats.md "manifest").
import { properList, type Sexp, writeSexp } from './sexp.ts';

/** A search path specification: `(VARIABLE (FILES …) SEPARATOR TYPE PATTERN)` (guix/search-paths.scm:208-215). */
export interface GuixSearchPath {
  variable: string;
  files: string[];
  /** Null where the file has #f. */
  separator: string | null;
  fileType: string;
  /** Null where the file has #f. */
  filePattern: string | null;
}

/** One manifest entry, with its propagated inputs as entries. */
export interface GuixManifestEntry {
  name: string;
  version: string;
  output: string;
  /** The store item, as written in the file (a /gnu/store name). */
  item: string;
  dependencies: GuixManifestEntry[];
  searchPaths: GuixSearchPath[];
  /** The properties alist as Guile writes it, e.g. `((transformations …))`; `()` when none. */
  properties: string;
  /** True where a v4 file wrote this dependency as `(repeated NAME VERSION ITEM)` (it is the entry seen before). */
  repeated?: true;
}

/** A manifest: its format version and entries. */
export interface GuixManifest {
  version: 3 | 4;
  entries: GuixManifestEntry[];
}

/** Raised for a manifest Guix would not read; the message says what was found where. */
export class ManifestFormatError extends Error {
  override name = 'ManifestFormatError';
}

const bad = (what: string, x: Sexp | undefined): never => {
  throw new ManifestFormatError(`${what}, found ${x === undefined ? 'nothing' : clip(writeSexp(x))}`);
};
const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

const text = (x: Sexp | undefined, what: string): string => (x?.type === 'string' ? x.value : bad(`expected ${what} (a string)`, x));
const stringOrFalse = (x: Sexp | undefined, what: string): string | null => (x?.type === 'boolean' && !x.value ? null : text(x, `${what} or #f`));

function searchPath(x: Sexp): GuixSearchPath {
  const items = properList(x);
  if (items === null || items.length !== 5) return bad('expected a search path (VARIABLE (FILES …) SEPARATOR TYPE PATTERN)', x);
  const files = properList(items[1]) ?? bad('expected the search path\'s list of files', items[1]);
  const type = items[3]!;
  return {
    variable: text(items[0], 'the search path variable'),
    files: files.map((f) => text(f, 'a search path file')),
    separator: stringOrFalse(items[2], 'the search path separator'),
    fileType: type.type === 'symbol' ? type.name : bad('expected the search path file type (a symbol)', type),
    filePattern: stringOrFalse(items[4], 'the search path file pattern'),
  };
}

/** Guile's `(assq 'name fields)` over a field list: the first element whose car is the symbol. */
function assq(fields: Sexp[], name: string): Sexp[] | undefined {
  for (const f of fields) {
    const items = f.type === 'list' ? f.items : null;
    if (items === null) return bad('expected a field (NAME VALUE) in a manifest entry', f);
    if (items[0]?.type === 'symbol' && items[0].name === name) return f.type === 'list' && f.tail === undefined ? items : bad(`expected (${name} VALUE)`, f);
  }
  return undefined;
}

const key = (name: string, version: string, item: string) => `${name}\u0000${version}\u0000${item}`;

function entryV4(x: Sexp, visited: Map<string, GuixManifestEntry>): GuixManifestEntry {
  const items = properList(x) ?? bad('expected a manifest entry (NAME VERSION OUTPUT ITEM FIELD …)', x);
  if (items[0]?.type === 'symbol' && items[0].name === 'repeated' && items.length === 4) {
    const k = key(text(items[1], 'the repeated entry\'s name'), text(items[2], 'the repeated entry\'s version'), text(items[3], 'the repeated entry\'s item'));
    const seen = visited.get(k);
    if (seen === undefined) throw new ManifestFormatError(`invalid repeated entry in profile: ${clip(writeSexp(x))} (no such entry before it)`);
    return { ...seen, repeated: true };
  }
  if (items.length < 4) return bad('expected a manifest entry (NAME VERSION OUTPUT ITEM FIELD …)', x);
  const [name, version, output, item] = [text(items[0], 'the entry name'), text(items[1], 'the entry version'), text(items[2], 'the entry output'), text(items[3], 'the entry item')];
  let depsX: Sexp | undefined;
  let spX: Sexp | undefined;
  let propsX: Sexp | undefined;
  if (items.length > 4) {
    const fields = items.slice(4);
    const field = (n: string): Sexp | undefined => {
      const f = assq(fields, n);
      if (f === undefined) return undefined;
      return f.length === 2 ? f[1] : bad(`expected (${n} VALUE)`, { type: 'list', items: f });
    };
    [depsX, spX, propsX] = [field('propagated-inputs'), field('search-paths'), field('properties')];
  }
  const deps = depsX === undefined ? [] : (properList(depsX) ?? bad('expected the list of propagated inputs', depsX)).map((d) => entryV4(d, visited));
  const searchPaths = spX === undefined ? [] : (properList(spX) ?? bad('expected the list of search paths', spX)).map(searchPath);
  const entry: GuixManifestEntry = { name, version, output, item, dependencies: deps, searchPaths, properties: propsX === undefined ? '()' : writeSexp(propsX) };
  visited.set(key(name, version, item), entry);
  return entry;
}

function entryV3(x: Sexp): GuixManifestEntry {
  const items = properList(x);
  const pi = items?.[4] ? properList(items[4]) : null;
  const sp = items?.[5] ? properList(items[5]) : null;
  if (items === null || items.length < 6 || pi?.length !== 2 || pi[0]?.type !== 'symbol' || pi[0].name !== 'propagated-inputs' || sp?.length !== 2 || sp[0]?.type !== 'symbol' || sp[0].name !== 'search-paths') {
    return bad('expected a version 3 manifest entry (NAME VERSION OUTPUT ITEM (propagated-inputs …) (search-paths …) …)', x);
  }
  const deps = properList(pi[1]) ?? bad('expected the list of propagated inputs', pi[1]);
  const sps = properList(sp[1]) ?? bad('expected the list of search paths', sp[1]);
  // (assoc-ref extra-stuff 'properties): the cdr of the first (properties …) element, the alist spliced in.
  let properties = '()';
  for (const extra of items.slice(6)) {
    if (extra.type !== 'list' || extra.items.length === 0) return bad('expected a field (NAME …) after the search paths', extra);
    if (extra.items[0]!.type === 'symbol' && (extra.items[0] as { name: string }).name === 'properties') {
      properties = writeSexp({ type: 'list', items: extra.items.slice(1), ...(extra.tail === undefined ? {} : { tail: extra.tail }) });
      break;
    }
  }
  return {
    name: text(items[0], 'the entry name'),
    version: text(items[1], 'the entry version'),
    output: text(items[2], 'the entry output'),
    item: text(items[3], 'the entry item'),
    dependencies: deps.map(entryV3),
    searchPaths: sps.map(searchPath),
    properties,
  };
}

/** Reads a manifest datum `(manifest (version 3|4 …) (packages (ENTRY …)))`; throws ManifestFormatError. */
export function manifestFromSexp(x: Sexp): GuixManifest {
  const top = properList(x);
  const versionForm = top?.[1] ? properList(top[1]) : null;
  const packagesForm = top?.[2] ? properList(top[2]) : null;
  if (top === null || top.length !== 3 || top[0]?.type !== 'symbol' || top[0].name !== 'manifest' || versionForm === null || versionForm[0]?.type !== 'symbol' || versionForm[0].name !== 'version' || versionForm[1]?.type !== 'integer' || packagesForm?.length !== 2 || packagesForm[0]?.type !== 'symbol' || packagesForm[0].name !== 'packages') {
    return bad('unsupported manifest format: expected (manifest (version N) (packages (ENTRY …)))', x);
  }
  const version = Number(versionForm[1].value);
  const entries = properList(packagesForm[1]) ?? bad('expected the list of packages', packagesForm[1]);
  if (version === 4) {
    const visited = new Map<string, GuixManifestEntry>();
    return { version: 4, entries: entries.map((e) => entryV4(e, visited)) };
  }
  if (version === 3) return { version: 3, entries: entries.map(entryV3) };
  throw new ManifestFormatError(`unsupported manifest format: version ${version} (Gentry reads versions 3 and 4, which Guix has written since 2017)`);
}
