// Store paths: /nix/store/<32-char nix-base32 hash>-<name>. Pure string rules, no I/O.

/** The store directory every path Gentry reads lives in. */
export const STORE_DIR = '/nix/store';

const BASE32 = '0123456789abcdfghijklmnpqrsvwxyz';
const STORE_PATH_RE = new RegExp(`^/nix/store/([${BASE32}]{32})-([A-Za-z0-9+\\-._?=]+)$`);

/** The parts of a store path: its hash and its name. */
export interface StorePathParts {
  hash: string;
  name: string;
}

/** Splits a top-level store path into hash and name, or returns null if it is not one. */
export function parseStorePath(path: string): StorePathParts | null {
  const m = STORE_PATH_RE.exec(path);
  if (!m || m[2] === '.' || m[2] === '..') return null;
  return { hash: m[1] as string, name: m[2] as string };
}

/** True when `path` is a top-level store path (not a file inside one). */
export function isStorePath(path: string): boolean {
  return parseStorePath(path) !== null;
}

/** The top-level store path that contains `path`, or null when `path` is not under the store. */
export function toStorePath(path: string): string | null {
  if (!path.startsWith(`${STORE_DIR}/`)) return null;
  const top = path.split('/').slice(0, 4).join('/');
  return isStorePath(top) ? top : null;
}
